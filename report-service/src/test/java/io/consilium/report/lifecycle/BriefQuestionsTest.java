package io.consilium.report.lifecycle;

import io.consilium.platform.testing.Broker;
import io.consilium.report.support.Db;
import io.consilium.report.support.Panel;
import jakarta.inject.Inject;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 12, item 1 in report-service: Mr. Lee's panel of two. His draft reports list every question of the brief,
 * his own free-text one with the personal doctor's translation; submission is refused while it is unanswered and
 * both specialists answer it; a later brief with another question wins, an older one arriving late does not.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class BriefQuestionsTest {

    private static final String OWN = "¿Puede ser el gel de ducha lo que me provoca el picor?";
    private static final String TRANSLATION = "Could the shower gel be what makes me itch?";

    private final KafkaCompanion kafka = Broker.companion();

    @Inject
    Db db;

    @AfterEach
    void close() {
        kafka.close();
    }

    private static void publishBrief(KafkaCompanion kafka, Panel p, Instant changedAt, String... ownIds) {
        List<String> questions = new ArrayList<>(List.of(
                "{\"questionId\":\"DIAGNOSIS_CORRECT\",\"kind\":\"STANDARD\",\"text\":null}",
                "{\"questionId\":\"SURGERY_NECESSARY\",\"kind\":\"STANDARD\",\"text\":null}"));
        for (String id : ownIds) {
            questions.add("{\"questionId\":\"%s\",\"kind\":\"OWN\",\"text\":\"%s\",\"language\":\"es\",\"translation\":\"%s\",\"translationLanguage\":\"en\"}"
                    .formatted(id, OWN, TRANSLATION));
        }
        Broker.publish(kafka, Panel.CASE_TOPIC, "consilium.case.brief-changed.v1", p.caseId, p.tenant, """
                {"caseId":"%s","tenant":"%s","requestedSpecialty":"dermatology","urgency":"ROUTINE","patientLanguage":"es",
                 "reasons":["CONFIRM_DIAGNOSIS"],"questions":[%s],"diagnosisText":"Food allergy","diagnosisIcd10":"L50.0",
                 "proposedTreatment":"Elimination diet","history":"Two years of rashes","treatingInstitution":"Hospital Central",
                 "ageBand":"AGE_40_59","sex":"MALE","changedAt":"%s"}"""
                .formatted(p.caseId, p.tenant, String.join(",", questions), changedAt));
    }

    private static Map<String, Object> answering(String... ownIds) {
        Map<String, Object> content = new HashMap<>(Panel.content("CHANGED", "NO", "Avoid methylisothiazolinone"));
        List<Map<String, Object>> answers = new ArrayList<>(List.of(
                Map.of("questionCode", "DIAGNOSIS_CORRECT", "text", "No: a contact allergy, not a food allergy"),
                Map.of("questionCode", "SURGERY_NECESSARY", "text", "No surgery is needed")));
        for (String id : ownIds) {
            answers.add(Map.of("questionCode", id, "text", "Yes: the preservative in the shower gel causes the rashes"));
        }
        content.put("answers", answers);
        return content;
    }

    @Test
    void mrLeesOwnQuestionIsInBothDraftsAndBothReportsMustAnswerIt() {
        Panel p = Panel.of(2, "es", kafka);
        String own = UUID.randomUUID().toString();
        publishBrief(kafka, p, Instant.now(), own);
        for (int i = 0; i < 2; i++) {
            String token = p.specialists.get(i);
            String report = p.reportIds.get(i);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().auth().oauth2(token).get("/api/v1/reports/{id}", report).then().statusCode(200)
                            .body("questions.questionId", equalTo(List.of("DIAGNOSIS_CORRECT", "SURGERY_NECESSARY", own)))
                            .body("questions[2].kind", equalTo("OWN"))
                            .body("questions[2].text", equalTo(OWN))
                            .body("questions[2].translation", equalTo(TRANSLATION)));
            // the coded answers alone are not enough any more: 422 naming the question
            p.saveDraft(i, answering()).statusCode(200);
            p.submit(i).statusCode(422).body("detail", containsString("answers lacks question " + own));
            p.saveDraft(i, answering(own)).statusCode(200);
            p.submit(i).statusCode(200).body("state", equalTo("SUBMITTED"))
                    .body("content.answers.questionCode", equalTo(List.of("DIAGNOSIS_CORRECT", "SURGERY_NECESSARY", own)));
        }
        // the reviewing doctor sees the questions beside the answers; the patient too once released
        given().auth().oauth2(p.doctor).get("/api/v1/reports/{id}", p.reportIds.get(0)).then().statusCode(200)
                .body("questions[2].text", equalTo(OWN));
        p.approve(0).statusCode(200);
        p.approve(1).statusCode(200);
        p.release().statusCode(200);
        given().auth().oauth2(p.patient).get("/api/v1/reports/{id}", p.reportIds.get(1)).then().statusCode(200)
                .body("questions[2].text", equalTo(OWN))
                .body("content.answers[2].text", containsString("shower gel"));
    }

    @Test
    void aNewerBriefDecidesTheQuestionsAndAnOlderOneArrivingLateDoesNot() {
        Panel p = Panel.of(1, "es", kafka);
        String dropped = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        Instant now = Instant.now();
        publishBrief(kafka, p, now, kept);
        publishBrief(kafka, p, now.minusSeconds(60), dropped);
        String token = p.specialists.get(0);
        // the older brief is applied after the newer one (same partition, in order): it must change nothing
        Broker.publish(kafka, Panel.CASE_TOPIC, "consilium.case.manager-assigned.v1", p.caseId, p.tenant, """
                {"caseId":"%s","tenant":"%s","managerId":"%s","previousManagerId":null,"assignedAt":"%s"}"""
                .formatted(p.caseId, p.tenant, p.doctorId, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/reports/{id}", p.reportIds.get(0)).then().statusCode(200)
                        .body("questions.questionId", equalTo(List.of("DIAGNOSIS_CORRECT", "SURGERY_NECESSARY", kept))));
        // an answer to a question the brief no longer has is refused as well
        p.saveDraft(0, answering(kept, dropped)).statusCode(200);
        p.submit(0).statusCode(422).body("detail", containsString("answers names question " + dropped));
        p.saveDraft(0, answering(kept)).statusCode(200);
        p.submit(0).statusCode(200);
    }

    @Test
    void aReportIsNotSubmittedBeforeTheBriefArrivesAndThenListsEveryQuestion() {
        // the specialist accepted and opened the draft before case-service's brief reached report-service
        Panel p = Panel.withoutBrief(1, "es", kafka);
        String token = p.specialists.get(0);
        String report = p.reportIds.get(0);
        p.saveDraft(0, answering()).statusCode(200);
        p.submit(0).statusCode(409).contentType("application/problem+json")
                .body("reason", equalTo("BRIEF_NOT_RECEIVED")).body("status", equalTo(409));
        given().auth().oauth2(token).get("/api/v1/reports/{id}", report).then().statusCode(200)
                .body("state", equalTo("DRAFT")).body("latestVersion", equalTo(0));
        assertThat(db.count("select count(*) from report_version where report_id = cast(?1 as uuid)", report)).isZero();
        assertThat(db.count("select count(*) from outbox_event where subject = ?1 and type = "
                + "'consilium.report.submitted.v1'", p.caseId)).isZero();

        // the brief arrives: the draft lists every question, Mr. Lee's own one included, and needs its answer
        String own = UUID.randomUUID().toString();
        publishBrief(kafka, p, Instant.now(), own);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/reports/{id}", report).then().statusCode(200)
                        .body("questions.questionId", equalTo(List.of("DIAGNOSIS_CORRECT", "SURGERY_NECESSARY", own)))
                        .body("questions[2].text", equalTo(OWN)));
        p.submit(0).statusCode(422).body("detail", containsString("answers lacks question " + own));
        p.saveDraft(0, answering(own)).statusCode(200);
        p.submit(0).statusCode(200).body("state", equalTo("SUBMITTED"));
    }

    @Test
    void aQuestionAddedAfterSubmissionReopensTheReportsAndHoldsTheRelease() {
        Panel p = Panel.of(2, "es", kafka);
        String own = UUID.randomUUID().toString();
        Instant first = Instant.now();
        publishBrief(kafka, p, first, own);
        p.awaitBrief(first.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        for (int i = 0; i < 2; i++) {
            p.saveDraft(i, answering(own)).statusCode(200);
            p.submit(i).statusCode(200);
        }
        p.approve(0).statusCode(200);

        // the personal doctor adds a question after the review was requested (case-service publishes the brief again)
        String added = UUID.randomUUID().toString();
        Instant second = first.plusSeconds(5);
        publishBrief(kafka, p, second, own, added);
        for (int i = 0; i < 2; i++) {
            String report = p.reportIds.get(i);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().auth().oauth2(p.doctor).get("/api/v1/reports/{id}", report).then().statusCode(200)
                            .body("state", equalTo("CHANGES_REQUESTED"))
                            .body("reviewComment", containsString(added)));
            assertThat(db.count("select count(*) from outbox_event where subject = ?1 and type = "
                    + "'consilium.report.reopened.v1' and payload->>'reportId' = ?2 and payload->>'reason' = "
                    + "'QUESTIONS_CHANGED' and payload->'questions' = cast(?3 as jsonb) and payload->>'specialistSubject' = ?4",
                    p.caseId, report, "[\"" + added + "\"]", p.subjects.get(i))).isEqualTo(1);
        }
        assertThat(db.count("select count(*) from outbox_event where subject = ?1 and type = "
                + "'consilium.report.reopened.v1' and cast(payload as text) like ?2", p.caseId, "%gel de ducha%"))
                .as("question ids only, never the patient's words").isZero();
        // approval and release wait for the answers, naming the question
        p.approve(1).statusCode(409);
        p.release().statusCode(409).contentType("application/problem+json")
                .body("reason", equalTo("UNANSWERED_QUESTIONS"))
                .body("unansweredQuestions.size()", equalTo(2))
                .body("unansweredQuestions[0].questions", equalTo(List.of(added)))
                .body("detail", containsString(added));
        for (int i = 0; i < 2; i++) {
            p.saveDraft(i, answering(own, added)).statusCode(200);
            p.submit(i).statusCode(200).body("latestVersion", equalTo(2));
            p.approve(i).statusCode(200);
        }
        p.release().statusCode(200);

        // once released, a later brief changes nothing: the released version stays what the patient read
        publishBrief(kafka, p, second.plusSeconds(5), own, added, UUID.randomUUID().toString());
        p.awaitBrief(second.plusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(p.patient).get("/api/v1/reports/{id}", p.reportIds.get(i)).then().statusCode(200)
                    .body("state", equalTo("RELEASED")).body("latestVersion", equalTo(2));
        }
        assertThat(db.count("select count(*) from outbox_event where subject = ?1 and type = "
                + "'consilium.report.reopened.v1'", p.caseId)).isEqualTo(2);
    }

    @Test
    void aReportThatLacksAnAnswerIsNeitherApprovedNorReleased() {
        // questions that changed under a submitted report without reopening it (as before this rule existed)
        Panel p = Panel.of(1, "es", kafka);
        p.saveDraft(0, answering()).statusCode(200);
        p.submit(0).statusCode(200);
        String own = UUID.randomUUID().toString();
        db.update("update case_file set brief_questions = brief_questions || cast(?2 as jsonb) where case_id = cast(?1 as uuid)",
                p.caseId, "[{\"questionId\":\"" + own + "\",\"kind\":\"OWN\",\"text\":\"" + OWN + "\"}]");
        p.approve(0).statusCode(409).contentType("application/problem+json")
                .body("reason", equalTo("UNANSWERED_QUESTIONS"))
                .body("unansweredQuestions[0].reportId", equalTo(p.reportIds.get(0)))
                .body("unansweredQuestions[0].questions", equalTo(List.of(own)))
                .body(not(containsString("gel de ducha")));
        given().auth().oauth2(p.doctor).get("/api/v1/reports/{id}", p.reportIds.get(0)).then()
                .body("state", equalTo("SUBMITTED"));
        assertThat(db.count("select count(*) from outbox_event where subject = ?1 and type = "
                + "'consilium.report.approved.v1'", p.caseId)).isZero();
    }

    @Test
    void aPartnerNeverReadsTheQuestions() {
        Panel p = Panel.of(1, "es", kafka);
        String own = UUID.randomUUID().toString();
        Instant at = Instant.now();
        publishBrief(kafka, p, at, own);
        p.awaitBrief(at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        p.saveDraft(0, answering(own)).statusCode(200);
        p.submit(0).statusCode(200);
        p.approve(0).statusCode(200);
        p.release().statusCode(200);
        // a partner with the patient's consent reads the released report, never the questions (their free text is
        // the patient's own words) nor the answer to the patient's own question, which restates it; the patient does
        Broker.publish(kafka, Panel.CASE_TOPIC, "consilium.case.consent-granted.v1", p.caseId, p.tenant, """
                {"caseId":"%s","tenant":"%s","consentId":"%s","purpose":"REPORT_TO_PARTNER","specialistSubjects":[],
                 "countries":[],"grantedAt":"%s"}""".formatted(p.caseId, p.tenant, UUID.randomUUID(), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(p.partner).get("/api/v1/reports/{id}", p.reportIds.get(0)).then().statusCode(200)
                        .body("state", equalTo("RELEASED")).body("questions", nullValue())
                        .body("content.answers.questionCode", equalTo(List.of("DIAGNOSIS_CORRECT", "SURGERY_NECESSARY")))
                        .body(not(containsString("gel de ducha"))).body(not(containsString(own))));
        given().auth().oauth2(p.partner).get("/api/v1/reports/{id}/versions", p.reportIds.get(0)).then()
                .statusCode(200).body(not(containsString("gel de ducha"))).body(not(containsString(own)));
        given().auth().oauth2(p.patient).get("/api/v1/reports/{id}", p.reportIds.get(0)).then().statusCode(200)
                .body("questions[2].text", equalTo(OWN))
                .body("content.answers[2].text", containsString("shower gel"));
    }
}
