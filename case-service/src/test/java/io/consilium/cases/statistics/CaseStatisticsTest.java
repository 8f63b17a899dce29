package io.consilium.cases.statistics;

import io.consilium.cases.support.CaseApi;
import io.consilium.cases.support.Coverage;
import io.consilium.cases.support.Intakes;
import io.consilium.cases.support.Journey;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Statistics per case through the API: AJ's three confirming reports are one unanimously confirmed case, Mr. Lee's
 * two experts one unanimously changed case, a split panel one split case; a partner sees its own tenant, and a
 * case's outcome only with the patient's REPORT_TO_PARTNER consent; plain dates, the period filter, the CSV.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseStatisticsTest {

    private final String tenant = "t-" + UUID.randomUUID();
    private final String doctorId = "dr-" + UUID.randomUUID();
    private final String doctor = Tokens.caseManager(doctorId, tenant);
    private final String partner = Tokens.partner(tenant);
    private final String ops = Tokens.ops("olivia");
    private final String today = LocalDate.now(ZoneOffset.UTC).toString();

    private String aj;
    private String lee;
    private String split;
    private String pending;

    /** Once per class (RestAssured knows the test server's port only from the first test on). */
    @BeforeEach
    void threeReportedCasesAndOnePending() {
        if (aj != null) {
            return;
        }
        Coverage.plan(tenant);
        Coverage.members(tenant, "M-100302", "M-100301", "M-SPLIT", "M-PENDING");
        Coverage.manager(doctorId, tenant, 20, "es", "en");
        aj = reported("M-100302", null, """
                {"reportId":"%s","diagnosisAssessment":"CONFIRMED","surgeryNecessary":"NO","treatmentChanged":true},
                {"reportId":"%s","diagnosisAssessment":"CONFIRMED","surgeryNecessary":"NO","treatmentChanged":true},
                {"reportId":"%s","diagnosisAssessment":"CONFIRMED","surgeryNecessary":"NO","treatmentChanged":true}""", 3, true);
        lee = reported("M-100301", List.of("CONFIRM_DIAGNOSIS", "NOT_RESPONDING_TO_TREATMENT"), """
                {"reportId":"%s","diagnosisAssessment":"CHANGED","surgeryNecessary":"NO","treatmentChanged":true},
                {"reportId":"%s","diagnosisAssessment":"CHANGED","surgeryNecessary":"NO","treatmentChanged":true}""", 2, false);
        split = reported("M-SPLIT", null, """
                {"reportId":"%s","diagnosisAssessment":"CONFIRMED","surgeryNecessary":"YES","treatmentChanged":false},
                {"reportId":"%s","diagnosisAssessment":"CHANGED","surgeryNecessary":"NO","treatmentChanged":true}""", 2, true);
        pending = CaseApi.openAndSubmit(Tokens.patient("p-" + UUID.randomUUID(), tenant, "M-PENDING"), Intakes.valid("M-PENDING"));
    }

    @Test
    void ajsCaseCountsOnceAndEveryCaseByThePanelsVerdict() {
        given().auth().oauth2(ops).queryParam("tenant", tenant).queryParam("from", today).queryParam("to", today)
                .when().get("/api/v1/statistics/cases")
                .then().statusCode(200)
                .body("from", equalTo(today + "T00:00:00Z"))
                .body("total", equalTo(4))
                .body("totals.cases", equalTo(4))
                .body("totals.reported", equalTo(3))
                .body("totals.concordance.CONFIRMED.UNANIMOUS", equalTo(1))
                .body("totals.concordance.CONFIRMED.SPLIT", equalTo(0))
                .body("totals.concordance.CHANGED.UNANIMOUS", equalTo(1))
                .body("totals.concordance.CHANGED.SPLIT", equalTo(1))
                .body("totals.concordance.REFINED.UNANIMOUS", equalTo(0))
                .body("totals.treatmentChanged", equalTo(3))
                .body("totals.surgeryAsked", equalTo(3)) // all but Lee's asked about surgery
                .body("totals.surgeryAvoided", equalTo(1)) // AJ's panel says NO; the split panel's tie is UNCERTAIN
                .body("totals.opinionFollowed.YES", equalTo(1))
                .body("totals.opinionFollowed.NOT_RECORDED", equalTo(2))
                .body("totals.timeToReport.cases", equalTo(3))
                .body("totals.timeToReport.medianHours", notNullValue())
                .body("cases.find { it.caseId == '%s' }.reports".formatted(aj), equalTo(3))
                .body("cases.find { it.caseId == '%s' }.assessment".formatted(aj), equalTo("CONFIRMED"))
                .body("cases.find { it.caseId == '%s' }.agreement".formatted(aj), equalTo("UNANIMOUS"))
                .body("cases.find { it.caseId == '%s' }.surgeryAvoided".formatted(aj), equalTo(true))
                .body("cases.find { it.caseId == '%s' }.opinionFollowed".formatted(aj), equalTo("YES"))
                .body("cases.find { it.caseId == '%s' }.hoursToReport".formatted(aj), notNullValue())
                .body("cases.find { it.caseId == '%s' }.assessment".formatted(lee), equalTo("CHANGED"))
                .body("cases.find { it.caseId == '%s' }.agreement".formatted(lee), equalTo("UNANIMOUS"))
                .body("cases.find { it.caseId == '%s' }.surgeryAsked".formatted(lee), equalTo(false))
                .body("cases.find { it.caseId == '%s' }.agreement".formatted(split), equalTo("SPLIT"))
                .body("cases.find { it.caseId == '%s' }.assessment".formatted(split), equalTo("CHANGED"))
                .body("cases.find { it.caseId == '%s' }.reports".formatted(pending), equalTo(0))
                .body("cases.find { it.caseId == '%s' }.assessment".formatted(pending), nullValue());
        // the older figures count cases too: AJ's three reports are one confirmation
        given().auth().oauth2(partner).queryParam("from", today).queryParam("to", today)
                .when().get("/api/v1/statistics/outcomes")
                .then().statusCode(200)
                .body("diagnosisAssessments.CONFIRMED", equalTo(1))
                .body("diagnosisAssessments.CHANGED", equalTo(2))
                .body("casesWithTreatmentChanged", equalTo(3))
                .body("surgeryAvoided", equalTo(1));
    }

    @Test
    void aPartnerReadsItsTenantAndACasesOutcomeOnlyWithConsent() {
        given().auth().oauth2(partner).queryParam("from", today).queryParam("to", today)
                .when().get("/api/v1/statistics/cases")
                .then().statusCode(200)
                .body("tenant", equalTo(tenant))
                .body("cases.caseId", containsInAnyOrder(aj, lee, split, pending))
                .body("cases.find { it.caseId == '%s' }.outcomeShared".formatted(aj), equalTo(true))
                .body("cases.find { it.caseId == '%s' }.assessment".formatted(aj), equalTo("CONFIRMED"))
                .body("cases.find { it.caseId == '%s' }.memberId".formatted(lee), equalTo("M-100301"))
                .body("cases.find { it.caseId == '%s' }.outcomeShared".formatted(lee), equalTo(false))
                .body("cases.find { it.caseId == '%s' }.assessment".formatted(lee), nullValue())
                .body("cases.find { it.caseId == '%s' }.treatmentChanged".formatted(lee), nullValue())
                .body("cases.find { it.caseId == '%s' }.hoursToReport".formatted(lee), notNullValue())
                // the totals are counts, as partners read them before
                .body("totals.concordance.CHANGED.UNANIMOUS", equalTo(1));

        String otherPartner = Tokens.partner("t-" + UUID.randomUUID());
        given().auth().oauth2(otherPartner).queryParam("from", today).queryParam("to", today)
                .when().get("/api/v1/statistics/cases")
                .then().statusCode(200).body("total", equalTo(0)).body("totals.cases", equalTo(0));
        given().auth().oauth2(otherPartner).queryParam("tenant", tenant).queryParam("from", today).queryParam("to", today)
                .when().get("/api/v1/statistics/cases")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().auth().oauth2(otherPartner).queryParam("tenant", tenant).queryParam("from", today).queryParam("to", today)
                .when().get("/api/v1/statistics/cases.csv").then().statusCode(403);
        given().auth().oauth2(doctor).queryParam("from", today).queryParam("to", today)
                .when().get("/api/v1/statistics/cases").then().statusCode(403);
        // ops without a tenant: every tenant's cases, these among them
        given().auth().oauth2(ops).queryParam("from", today).queryParam("to", today).queryParam("size", 100)
                .when().get("/api/v1/statistics/cases.csv")
                .then().statusCode(200).body(org.hamcrest.Matchers.containsString(aj));
    }

    @Test
    void thePeriodFiltersBySubmissionAndBadDatesAre400() {
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        given().auth().oauth2(partner).queryParam("from", tomorrow).queryParam("to", tomorrow)
                .when().get("/api/v1/statistics/cases").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(partner).queryParam("from", yesterday).queryParam("to", yesterday)
                .when().get("/api/v1/statistics/cases").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(partner).queryParam("from", yesterday).queryParam("to", tomorrow)
                .when().get("/api/v1/statistics/cases").then().statusCode(200).body("total", equalTo(4));
        given().auth().oauth2(partner).queryParam("from", Instant.now().minus(Duration.ofHours(1)).toString())
                .queryParam("to", Instant.now().plus(Duration.ofHours(1)).toString())
                .when().get("/api/v1/statistics/cases").then().statusCode(200).body("total", equalTo(4));
        given().auth().oauth2(partner).queryParam("from", today).queryParam("to", today).queryParam("size", 2).queryParam("page", 1)
                .when().get("/api/v1/statistics/cases").then().statusCode(200)
                .body("total", equalTo(4)).body("cases.size()", equalTo(2)).body("page", equalTo(1));

        given().auth().oauth2(partner).queryParam("from", "2026-11-31").queryParam("to", "2026-12-01")
                .when().get("/api/v1/statistics/cases")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("from"));
        given().auth().oauth2(partner).queryParam("from", today)
                .when().get("/api/v1/statistics/cases.csv")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("to"));
        given().auth().oauth2(partner).queryParam("from", today).queryParam("to", yesterday)
                .when().get("/api/v1/statistics/outcomes")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("to"));
        given().auth().oauth2(partner).queryParam("from", today).queryParam("to", today).queryParam("size", 500)
                .when().get("/api/v1/statistics/cases")
                .then().statusCode(400).body("violations.field", hasItem("size"));
    }

    @Test
    void theInsurersCsvHasOneRowPerCaseAndNoPersonalData() {
        String byAccept = given().auth().oauth2(partner).accept("text/csv").queryParam("from", today).queryParam("to", today)
                .when().get("/api/v1/statistics/cases")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        String byPath = given().auth().oauth2(partner).queryParam("from", today).queryParam("to", today)
                .when().get("/api/v1/statistics/cases.csv")
                .then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")).extract().asString();
        assertThat(byAccept).isEqualTo(byPath);
        List<String> lines = Arrays.asList(byPath.split("\r\n"));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("case_id,tenant,member_id,state,requested_specialty,urgency,submitted_at,"
                + "report_released_at,hours_to_report,outcome_shared,reports,assessment,agreement,treatment_changed,"
                + "surgery_asked,surgery_necessary,surgery_avoided,opinion_followed");
        Map<String, String[]> rows = lines.subList(1, lines.size()).stream()
                .collect(Collectors.toMap(l -> l.split(",", -1)[0], l -> l.split(",", -1)));
        String[] ajRow = rows.get(aj);
        assertThat(ajRow).hasSize(18);
        assertThat(ajRow[1]).isEqualTo(tenant);
        assertThat(ajRow[2]).isEqualTo("M-100302");
        assertThat(ajRow[3]).isEqualTo("FOLLOW_UP");
        assertThat(ajRow[9]).isEqualTo("true");
        assertThat(List.of(ajRow).subList(10, 18))
                .containsExactly("3", "CONFIRMED", "UNANIMOUS", "true", "true", "NO", "true", "YES");
        assertThat(List.of(rows.get(lee)).subList(9, 18))
                .containsExactly("false", "", "", "", "", "", "", "", "");
        // not reported yet, and without the consent its outcome cells stay empty too
        assertThat(List.of(rows.get(pending)).subList(7, 11)).containsExactly("", "", "false", "");
        // names, contact data and diagnosis text of the intake never reach the export
        assertThat(byPath).doesNotContain("Ana Ruiz", "ana@example.org", "600 000", "prostate", "Gleason", "Perez",
                "Hospital Central", "C61");
    }

    /**
     * A submitted case of {@code member} taken to released reports on a panel of {@code panel} (the reports as
     * report-service announces them); with {@code consentToPartner} the patient shares the report with the partner.
     * AJ's (member M-100302) also gets a follow-up outcome "opinion followed".
     */
    private String reported(String member, List<String> reasons, String reportsJson, int panel, boolean consentToPartner) {
        String patientId = "p-" + UUID.randomUUID();
        String patient = Tokens.patient(patientId, tenant, member);
        Map<String, Object> intake = Intakes.valid(member);
        if (reasons != null) {
            intake.put("reasons", reasons);
        }
        String caseId = CaseApi.openAndSubmit(patient, intake);
        post(caseId, "records-requests", Map.of("items",
                List.of(Map.of("code", "PATHOLOGY_REPORT", "label", "Pathology report", "required", true))));
        Journey.checklist(caseId, tenant, 1, true, "[]");
        post(caseId, "records-complete", null);
        consent(patient, caseId, "RECORDS_TO_SPECIALISTS");
        if (consentToPartner) {
            consent(patient, caseId, "REPORT_TO_PARTNER");
        }
        post(caseId, "review-requests", Map.of("panelSize", panel));
        try (KafkaCompanion kafka = Broker.companion()) {
            Broker.publish(kafka, "consilium.specialist.events", "consilium.specialist.panel-assembled.v1", caseId,
                    tenant, "{\"caseId\":\"" + caseId + "\",\"specialists\":[]}");
            awaitState(caseId, "IN_REVIEW");
            Object[] ids = new Object[panel];
            for (int i = 0; i < panel; i++) {
                ids[i] = UUID.randomUUID();
            }
            Broker.publish(kafka, "consilium.report.events", "consilium.report.released.v1", caseId, tenant,
                    "{\"caseId\":\"%s\",\"releasedAt\":\"%s\",\"reports\":[%s]}"
                            .formatted(caseId, Instant.now(), reportsJson.formatted(ids)));
            awaitState(caseId, "REPORT_DELIVERED");
        }
        if ("M-100302".equals(member)) {
            post(caseId, "discussion", Map.of("summary", "Discussed the panel's opinion."));
            List<String> followUps = given().auth().oauth2(doctor).contentType(ContentType.JSON).body(Map.of())
                    .when().post("/api/v1/cases/{id}/follow-ups", caseId)
                    .then().statusCode(201).extract().path("id");
            given().auth().oauth2(doctor).contentType(ContentType.JSON)
                    .body(Map.of("treatmentChosen", "Plaque brachytherapy", "opinionFollowed", "YES"))
                    .when().post("/api/v1/cases/{id}/follow-ups/{f}/outcome", caseId, followUps.get(0))
                    .then().statusCode(200);
        }
        return caseId;
    }

    private void consent(String patient, String caseId, String purpose) {
        given().auth().oauth2(patient).contentType(ContentType.JSON).body(Map.of("purpose", purpose))
                .when().post("/api/v1/cases/{id}/consents", caseId).then().statusCode(201);
    }

    private void post(String caseId, String step, Object body) {
        var request = given().auth().oauth2(doctor);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        request.when().post("/api/v1/cases/{id}/" + step, caseId).then().statusCode(200);
    }

    private void awaitState(String caseId, String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(doctor).when().get("/api/v1/cases/{id}", caseId)
                        .then().statusCode(200).body("state", equalTo(state)));
    }
}
