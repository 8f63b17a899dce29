package io.consilium.report.lifecycle;

import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.consilium.report.support.Db;
import io.consilium.report.support.Panel;
import jakarta.inject.Inject;
import java.util.UUID;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** DRAFT -> SUBMITTED -> CHANGES_REQUESTED -> SUBMITTED -> APPROVED -> RELEASED, and what is refused on the way. */
@QuarkusTest
class ReportLifecycleTest {

    private final KafkaCompanion kafka = Broker.companion();

    @Inject
    Db db;

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void reportGoesFromDraftToReleasedAndEachStepIsPublished() {
        Panel p = Panel.of(1, kafka);
        String report = p.reportIds.get(0);
        given().auth().oauth2(p.specialists.get(0)).get("/api/v1/reports/{id}", report).then().statusCode(200)
                .body("state", equalTo("DRAFT")).body("latestVersion", equalTo(0));

        p.saveDraft(0, Panel.content("REFINED", "NO", "Active surveillance")).statusCode(200);
        p.submit(0).statusCode(200).body("state", equalTo("SUBMITTED")).body("latestVersion", equalTo(1));
        given().auth().oauth2(p.doctor).contentType(ContentType.JSON).body(Map.of("comment", "Please add the MRI date"))
                .post("/api/v1/reports/{id}/changes-requests", report).then().statusCode(200)
                .body("state", equalTo("CHANGES_REQUESTED")).body("reviewComment", equalTo("Please add the MRI date"));
        p.saveDraft(0, Panel.content("REFINED", "NO", "Active surveillance, MRI in 12 months")).statusCode(200);
        p.submit(0).statusCode(200).body("latestVersion", equalTo(2));
        p.approve(0).statusCode(200).body("state", equalTo("APPROVED"));
        given().auth().oauth2(Tokens.caseManager("dr-other", p.tenant)).post("/api/v1/cases/{id}/reports/release", p.caseId)
                .then().statusCode(404);
        p.release().statusCode(200).body("[0].state", equalTo("RELEASED"));
        for (String action : List.of("REQUEST_CHANGES", "APPROVE", "RELEASE")) {
            assertThat(db.count("select count(*) from outbox_event where subject = ?1 and type = "
                    + "'consilium.audit.access-recorded.v1' and payload->>'action' = '" + action
                    + "' and payload->>'allowed' = 'true'", p.caseId)).as(action + " on record").isEqualTo(1);
        }
        assertThat(db.count("select count(*) from outbox_event where subject = ?1 and type = "
                + "'consilium.audit.access-recorded.v1' and payload->>'action' = 'RELEASE'"
                + " and payload->>'allowed' = 'false'", p.caseId)).as("the refused release on record").isEqualTo(1);

        given().auth().oauth2(p.patient).get("/api/v1/reports/{id}", report).then().statusCode(200)
                .body("content.recommendedTreatment", equalTo("Active surveillance, MRI in 12 months"))
                .body("reviewComment", nullValue());
        // the version sent back for changes is review history: the writer and the manager see it, the patient not
        given().auth().oauth2(p.patient).get("/api/v1/reports/{id}/versions", report).then().statusCode(200)
                .body("number", contains(2));
        given().auth().oauth2(p.patient).get("/api/v1/reports/{id}/versions/1", report).then().statusCode(404);
        given().auth().oauth2(p.patient).get("/api/v1/reports/{id}/versions/2", report).then().statusCode(200);
        given().auth().oauth2(p.doctor).get("/api/v1/reports/{id}/versions", report).then().statusCode(200)
                .body("number", contains(1, 2));

        List<ConsumerRecord<String, String>> records = Broker.readUntil(kafka, "consilium.report.events",
                rs -> rs.stream().filter(r -> p.caseId.equals(r.key())).count() >= 5, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> ours = records.stream().filter(r -> p.caseId.equals(r.key())).toList();
        assertThat(ours).extracting(r -> header(r, "ce_type")).containsExactly(
                "consilium.report.submitted.v1", "consilium.report.changes-requested.v1",
                "consilium.report.submitted.v1", "consilium.report.approved.v1", "consilium.report.released.v1");
        ConsumerRecord<String, String> released = ours.get(ours.size() - 1);
        assertThat(header(released, "ce_subject")).isEqualTo(p.caseId);
        assertThat(header(released, "ce_tenant")).isEqualTo(p.tenant);
        assertThat(header(released, "ce_source")).isEqualTo("/report-service");
        assertThat(header(released, "ce_specversion")).isEqualTo("1.0");
        JsonPath body = JsonPath.from(released.value());
        assertThat(body.getString("caseId")).isEqualTo(p.caseId);
        assertThat(body.getString("reports[0].reportId")).isEqualTo(report);
        assertThat(body.getString("reports[0].specialistSubject")).isEqualTo(p.subjects.get(0));
        assertThat(body.getString("reports[0].diagnosisAssessment")).isEqualTo("REFINED");
        assertThat(body.getString("reports[0].surgeryNecessary")).isEqualTo("NO");
        assertThat(body.getBoolean("reports[0].treatmentChanged")).isTrue();
        assertThat(body.getInt("reports[0].version")).isEqualTo(2);
        JsonPath submitted = JsonPath.from(ours.get(0).value());
        assertThat(submitted.getString("sha256")).matches("[0-9a-f]{64}");
        assertThat(submitted.getString("specialistSubject")).isEqualTo(p.subjects.get(0));
        assertThat(submitted.getInt("version")).isEqualTo(1);
    }

    @Test
    void submittedContentIsImmutableAndAnEditIsANewVersion() {
        Panel p = Panel.of(1, kafka);
        String report = p.reportIds.get(0);
        p.saveDraft(0, Panel.content("CONFIRMED", "YES", "Radical prostatectomy")).statusCode(200);
        p.submit(0).statusCode(200);
        String firstHash = given().auth().oauth2(p.doctor).get("/api/v1/reports/{id}/versions/1", report).then()
                .statusCode(200).extract().path("sha256");

        p.saveDraft(0, Panel.content("CHANGED", "NO", "Radiotherapy")).statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:consilium:problem:conflict"));
        given().auth().oauth2(p.doctor).contentType(ContentType.JSON).body(Map.of("comment", "Reconsider surgery"))
                .post("/api/v1/reports/{id}/changes-requests", report).then().statusCode(200);
        p.saveDraft(0, Panel.content("CHANGED", "NO", "Radiotherapy")).statusCode(200);
        p.submit(0).statusCode(200);

        given().auth().oauth2(p.doctor).get("/api/v1/reports/{id}/versions", report).then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].sha256", equalTo(firstHash))
                .body("[0].content.recommendedTreatment", equalTo("Radical prostatectomy"))
                .body("[1].sha256", not(equalTo(firstHash)))
                .body("[1].content.recommendedTreatment", equalTo("Radiotherapy"));
        assertThat(firstHash).matches("[0-9a-f]{64}");
    }

    @Test
    void refusedStepsAnswerProblemsInTheAgreedOrder() {
        Panel p = Panel.of(2, kafka);
        String report = p.reportIds.get(0);
        // Not yet submitted: approval is a state conflict.
        p.approve(0).statusCode(409).body("type", equalTo("urn:consilium:problem:conflict"));
        // The case manager may see the report but not write it.
        given().auth().oauth2(p.doctor).contentType(ContentType.JSON).body(Panel.content("CONFIRMED", "NO", "x"))
                .put("/api/v1/reports/{id}/draft", report).then().statusCode(403);
        // The writer may not approve their own report.
        given().auth().oauth2(p.specialists.get(0)).post("/api/v1/reports/{id}/approval", report).then()
                .statusCode(403);
        // A colleague on the panel does not see it at all.
        p.saveDraft(0, Panel.content("CONFIRMED", "NO", "x")).statusCode(200);
        given().auth().oauth2(p.specialists.get(1)).get("/api/v1/reports/{id}", report).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:consilium:problem:not-found"));
        given().auth().oauth2(p.specialists.get(1)).contentType(ContentType.JSON).body(Panel.content("CHANGED", "NO", "y"))
                .put("/api/v1/reports/{id}/draft", report).then().statusCode(404);
        // A stale editor: If-Match names an older version.
        String etag = given().auth().oauth2(p.specialists.get(0)).get("/api/v1/reports/{id}", report).then()
                .extract().header("ETag");
        p.saveDraft(0, Panel.content("CONFIRMED", "NO", "x2")).statusCode(200);
        given().auth().oauth2(p.specialists.get(0)).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Panel.content("CONFIRMED", "NO", "x3")).put("/api/v1/reports/{id}/draft", report).then()
                .statusCode(412).body("type", equalTo("urn:consilium:problem:precondition-failed"));
        // Release needs every report approved; the patient may not release.
        p.submit(0).statusCode(200);
        p.approve(0).statusCode(200);
        p.release().statusCode(409).body("detail", containsString("not approved"));
        given().auth().oauth2(p.patient).post("/api/v1/cases/{id}/reports/release", p.caseId).then().statusCode(403);
        // Before release the patient sees nothing; an outsider gets 404 for the case.
        given().auth().oauth2(p.patient).get("/api/v1/reports/{id}", report).then().statusCode(404);
        given().auth().oauth2(Tokens.caseManager("dr-other", p.tenant)).post("/api/v1/cases/{id}/reports/release",
                p.caseId).then().statusCode(404);
    }

    @Test
    void submissionNeedsTheCoreFindingsAndAnAnswerToEveryQuestion() {
        Panel p = Panel.of(1, kafka);
        Map<String, Object> partial = new java.util.HashMap<>(Panel.content("CONFIRMED", "UNCERTAIN", "Watch"));
        partial.put("answers", List.of(Map.of("questionCode", "DIAGNOSIS_CORRECT", "text", "Yes")));
        partial.put("surgeryRationale", null);
        p.saveDraft(0, partial).statusCode(200);
        p.submit(0).statusCode(422).body("type", equalTo("urn:consilium:problem:unprocessable"))
                .body("detail", containsString("answers lacks question SURGERY_NECESSARY"))
                .body("detail", containsString("surgeryRationale"));
        given().auth().oauth2(p.specialists.get(0)).get("/api/v1/reports/{id}", p.reportIds.get(0)).then()
                .body("state", equalTo("DRAFT"));
    }

    @Test
    void invalidDraftsAreRefusedWithTheFieldsAtFault() {
        Panel p = Panel.of(1, kafka);
        Map<String, Object> bad = new java.util.HashMap<>(Panel.content("CONFIRMED", "NO", "x"));
        bad.put("diagnosisIcd10", "not-a-code");
        bad.put("clinicalTrials", List.of("NCT123"));
        bad.put("prognosis", "x".repeat(4001));
        p.saveDraft(0, bad).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:consilium:problem:invalid-request"))
                .body("violations.field", hasItem(containsString("diagnosisIcd10")))
                .body("violations.field", hasItem(containsString("clinicalTrials")))
                .body("violations.field", hasItem(containsString("prognosis")));
    }

    @Test
    void releaseWaitsForTheWholePanelAndReleasesEveryReportAtOnce() {
        Panel p = Panel.of(1, kafka);
        UUID resized = Broker.publish(kafka, Panel.CASE_TOPIC, "consilium.case.review-requested.v1", p.caseId, p.tenant,
                "{\"caseId\":\"%s\",\"tenant\":\"%s\",\"panelSize\":2}".formatted(p.caseId, p.tenant));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> db.count("select count(*) from inbox_event where event_id = ?1", resized) == 1);
        p.approved(0, "CONFIRMED", "NO", "Surveillance");
        p.release().statusCode(409).body("detail", containsString("2 seats"));

        p.accept(kafka);
        p.awaitDrafts(2);
        p.approved(1, "CHANGED", "YES", "Surgery");
        p.release().statusCode(200).body("state", contains("RELEASED", "RELEASED"));
        given().auth().oauth2(p.patient).get("/api/v1/cases/{id}/reports", p.caseId).then().statusCode(200)
                .body("size()", equalTo(2));
        p.release().statusCode(409);
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aCancelledCasesReportsStayReadableAndTakeNoMoreChanges() {
        Panel p = Panel.of(2, kafka);
        p.approved(0, "CONFIRMED", "NO", "Active surveillance");
        Broker.publish(kafka, Panel.CASE_TOPIC, "consilium.case.cancelled.v1", p.caseId, p.tenant, """
                {"caseId":"%s","reason":"The patient chose another provider","cancelledAt":"%s"}"""
                .formatted(p.caseId, java.time.Instant.now()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> db.count(
                "select count(*) from case_file where case_id = ?1 and cancelled_at is not null",
                UUID.fromString(p.caseId)) == 1);

        p.saveDraft(1, Panel.content("CHANGED", "YES", "Surgery")).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("cancelled"));
        p.submit(1).statusCode(409);
        p.release().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(p.doctor).get("/api/v1/reports/{id}", p.reportIds.get(0))
                .then().statusCode(200).body("state", equalTo("APPROVED"));
        given().auth().oauth2(p.doctor).get("/api/v1/reports/{id}", p.reportIds.get(1))
                .then().statusCode(200).body("state", equalTo("DRAFT")).body("content.recommendedTreatment", nullValue());

        // a specialist's acceptance that arrives after the cancellation opens no draft
        UUID late = p.accept(kafka);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from inbox_event where event_id = ?1", late) == 1);
        assertThat(db.count("select count(*) from report where case_id = ?1", UUID.fromString(p.caseId))).isEqualTo(2);
    }
}
