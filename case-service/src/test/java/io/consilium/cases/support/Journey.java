package io.consilium.cases.support;

import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.restassured.http.ContentType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A case of a fresh tenant brought through the API to a given step, with the tokens of its patient, partner and
 * personal doctor, for tests that start in the middle of the lifecycle.
 */
public final class Journey {

    public final String tenant = "t-" + UUID.randomUUID();
    public final String patientId = "p-" + UUID.randomUUID();
    public final String doctorId = "dr-" + UUID.randomUUID();
    public final String patient = Tokens.patient(patientId, tenant, "M-1");
    public final String partner = Tokens.partner(tenant);
    public final String doctor = Tokens.caseManager(doctorId, tenant);
    public String caseId;

    private Journey() {
    }

    /** Covered member, a Spanish-speaking doctor; the case is opened by the patient. */
    public static Journey opened() {
        Journey j = new Journey();
        Coverage.covered(j.tenant, "M-1");
        Coverage.manager(j.doctorId, j.tenant, 10, "es");
        j.caseId = CaseApi.open(j.patient, Intakes.valid("M-1"));
        return j;
    }

    /**
     * Ready for review under a plan with {@code planOverrides} (e.g. its covered specialties or deadlines), the
     * intake changed by {@code intakeOverrides} (e.g. urgency), and the patient's consent to share with specialists.
     */
    public static Journey readyForReview(Map<String, Object> planOverrides, Map<String, Object> intakeOverrides) {
        Journey j = new Journey();
        Coverage.plan(j.tenant, planOverrides);
        Coverage.members(j.tenant, "M-1");
        Coverage.manager(j.doctorId, j.tenant, 10, "es");
        Map<String, Object> intake = Intakes.valid("M-1");
        intake.putAll(intakeOverrides);
        j.caseId = CaseApi.open(j.patient, intake);
        CaseApi.submit(j.patient, j.caseId).statusCode(200);
        j.post(j.doctor, "records-requests", Map.of("items",
                List.of(Map.of("code", "PATHOLOGY_REPORT", "label", "Pathology report", "required", true))));
        j.checklistSettled();
        j.post(j.doctor, "records-complete", null);
        j.consentToSpecialists();
        return j;
    }

    public static Journey assigned() {
        Journey j = opened();
        CaseApi.submit(j.patient, j.caseId).statusCode(200);
        return j;
    }

    public static Journey collectingRecords() {
        Journey j = assigned();
        j.post(j.doctor, "records-requests", Map.of("items",
                List.of(Map.of("code", "PATHOLOGY_REPORT", "label", "Pathology report", "required", true))));
        return j;
    }

    public static Journey readyForReview() {
        Journey j = collectingRecords();
        j.checklistSettled();
        j.post(j.doctor, "records-complete", null);
        return j;
    }

    /**
     * document-service reports the checklist with nothing open (every required item accepted or waived); returns
     * once case-service has projected it, so "records complete" is allowed.
     */
    public void checklistSettled() {
        checklist(caseId, tenant, 1, true, "[]");
    }

    /**
     * Publishes {@code consilium.document.checklist-changed.v1} as document-service writes it and waits until
     * case-service keeps that revision.
     */
    public static UUID checklist(String caseId, String tenant, long revision, boolean complete, String openItemsJson) {
        UUID eventId;
        try (KafkaCompanion kafka = Broker.companion()) {
            eventId = Broker.publish(kafka, "consilium.document.events", "consilium.document.checklist-changed.v1",
                    caseId, tenant, """
                            {"caseId":"%s","tenant":"%s","revision":%d,"complete":%s,"openItems":%s,"waivedItems":[],
                             "changedAt":"%s"}""".formatted(caseId, tenant, revision, complete, openItemsJson, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> {
                    io.consilium.cases.domain.RecordsChecklist kept =
                            io.consilium.cases.domain.RecordsChecklist.findById(UUID.fromString(caseId));
                    return kept != null && kept.revision >= revision;
                }));
        return eventId;
    }

    /**
     * The report delivered: a panel of one assembled and its report approved and released, as specialist- and
     * report-service would announce them on the (tests') broker.
     */
    public static Journey delivered() {
        Journey j = readyForReview();
        j.consentToSpecialists();
        j.post(j.doctor, "review-requests", Map.of("panelSize", 1));
        try (KafkaCompanion kafka = Broker.companion()) {
            Broker.publish(kafka, "consilium.specialist.events", "consilium.specialist.panel-assembled.v1", j.caseId,
                    j.tenant, "{\"caseId\":\"" + j.caseId + "\",\"specialists\":[]}");
            j.awaitState("IN_REVIEW");
            UUID report = UUID.randomUUID();
            Broker.publish(kafka, "consilium.report.events", "consilium.report.approved.v1", j.caseId, j.tenant,
                    "{\"reportId\":\"" + report + "\"}");
            j.awaitState("REPORT_READY");
            Broker.publish(kafka, "consilium.report.events", "consilium.report.released.v1", j.caseId, j.tenant,
                    "{\"caseId\":\"%s\",\"releasedAt\":\"%s\",\"reports\":[{\"reportId\":\"%s\",\"diagnosisAssessment\":\"CONFIRMED\",\"surgeryNecessary\":\"NO\",\"treatmentChanged\":false}]}"
                            .formatted(j.caseId, Instant.now(), report));
            j.awaitState("REPORT_DELIVERED");
        }
        return j;
    }

    public void awaitState(String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(doctor).when().get("/api/v1/cases/{id}", caseId)
                        .then().statusCode(200).body("state", equalTo(state)));
    }

    public void consentToSpecialists() {
        given().auth().oauth2(patient).contentType(ContentType.JSON).body(Map.of("purpose", "RECORDS_TO_SPECIALISTS"))
                .when().post("/api/v1/cases/{id}/consents", caseId).then().statusCode(201);
    }

    public void post(String token, String step, Object body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        request.when().post("/api/v1/cases/{id}/" + step, caseId).then().statusCode(200);
    }
}
