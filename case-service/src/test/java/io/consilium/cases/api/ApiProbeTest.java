package io.consilium.cases.api;

import io.consilium.cases.support.Journey;
import io.consilium.platform.testing.ApiProbe;
import io.consilium.platform.testing.ProbeObjects;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * The platform's probe of every case-service operation in its OpenAPI document (no token 401; NUL, BEL, bidi
 * override and 1 MB strings refused with 4xx problem+json and nothing stored; outsiders 403/404 without a field of
 * the case). The fixture: a case with records requested, a consent, and outsiders of every role that could
 * otherwise reach it.
 */
@QuarkusTest
class ApiProbeTest extends ApiProbe {

    @Override
    protected Map<String, String> backgroundTables() {
        return Map.of(
                "case_timeline_entry", "TimelineConsumer: every event of every service's topic, including earlier tests'",
                "access_log_entry", "AccessLogConsumer: the audit events, including the probe's own audited refusals",
                "access_action", "AccessLogConsumer: the actions access logs have recorded",
                "network_provider", "NetworkProviders: specialist-service's provider events",
                "report_outcome", "ProgressConsumer: report-service's released reports",
                "report_approval", "ProgressConsumer: report-service's approvals",
                "records_checklist", "RecordsChecklists: document-service's checklist states");
    }

    @Override
    protected ProbeObjects objects() {
        Journey j = Journey.collectingRecords();
        String consentId = given().auth().oauth2(j.patient).contentType(ContentType.JSON)
                .body(Map.of("purpose", "REPORT_TO_PARTNER"))
                .when().post("/api/v1/cases/{id}/consents", j.caseId).then().statusCode(201).extract().path("id");
        String planId = given().auth().oauth2(j.partner).when().get("/api/v1/plans").then().statusCode(200)
                .extract().path("[0].id");
        String questionId = given().auth().oauth2(j.patient).when().get("/api/v1/cases/{id}", j.caseId)
                .then().statusCode(200).extract().path("intake.ownQuestions[0].id");
        return ProbeObjects.create()
                .id("caseId", j.caseId)
                .id("questionId", questionId)
                .id("consentId", consentId)
                .id("planId", planId)
                .id("followUpId", UUID.randomUUID().toString())
                .notAnObject("dead-letters/{id}", "dead letters are for ops only, who see every one (DeadLettersTest)")
                .notAnObject("subject", "personal doctors' profiles are ops-only, who see every one")
                .notAnObject("memberId", "roster rows are the tenant's: a partner of another tenant is an outsider"
                        + " only through ?tenant=, covered by RosterUploadTest")
                .outsider("patient", Tokens.patient("p-outsider-" + UUID.randomUUID(), j.tenant))
                .outsider("partner", Tokens.partner("t-outsider-" + UUID.randomUUID()))
                .outsider("case-manager", Tokens.caseManager("dr-outsider-" + UUID.randomUUID(), j.tenant))
                .outsider("specialist", Tokens.specialist("sp-outsider-" + UUID.randomUUID()))
                .secret("Ana Ruiz", "ana@example.org", "+34 600 000 000", "Localised prostate cancer", "Radical prostatectomy",
                        "Dr. Perez", "Hospital Central", "Can I keep working", j.patientId, j.doctorId, "Pathology report");
    }
}
