package io.consilium.report.lifecycle;

import io.consilium.platform.testing.Broker;
import io.consilium.report.support.Db;
import io.consilium.report.support.Panel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12, item 2 in the outputs: the patient's and the treating doctor's PDFs head each answer with its question
 * (a standard one in the patient's language, Mr. Lee's own one in his words, the full report with the personal
 * doctor's translation), never with an id; whatever a partner insurer reads (PDFs, FHIR) carries none of his own
 * or follow-up questions, nor the answers that restate them.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class QuestionTextsInOutputsTest {

    private static final String OWN = "¿Puede ser el gel de ducha lo que me provoca el picor?";
    private static final String TRANSLATION = "Could the shower gel be what makes me itch?";
    private static final String OWN_ANSWER = "Yes: the preservative in it causes the rashes";
    private static final String FOLLOW_UP = "¿Puedo usar jabón de avena?";
    private static final String FOLLOW_UP_ANSWER = "Oat soap without fragrance is fine";

    private final KafkaCompanion kafka = Broker.companion();

    @Inject
    Db db;

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void theReadersPdfsHeadAnswersByTheQuestionAndThePartnersOutputsCarryNoneOfThePatientsWords() throws IOException {
        Panel p = Panel.of(1, "es", kafka);
        String own = UUID.randomUUID().toString();
        Instant changedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Broker.publish(kafka, Panel.CASE_TOPIC, "consilium.case.brief-changed.v1", p.caseId, p.tenant, """
                {"caseId":"%s","tenant":"%s","requestedSpecialty":"dermatology","urgency":"ROUTINE","patientLanguage":"es",
                 "reasons":["CONFIRM_DIAGNOSIS"],"questions":[
                   {"questionId":"DIAGNOSIS_CORRECT","kind":"STANDARD","text":null},
                   {"questionId":"SURGERY_NECESSARY","kind":"STANDARD","text":null},
                   {"questionId":"%s","kind":"OWN","text":"%s","language":"es","translation":"%s","translationLanguage":"en"}],
                 "diagnosisText":"Food allergy","diagnosisIcd10":"L50.0","proposedTreatment":"Elimination diet",
                 "history":null,"treatingInstitution":null,"ageBand":null,"sex":null,"changedAt":"%s"}"""
                .formatted(p.caseId, p.tenant, own, OWN, TRANSLATION, changedAt));
        p.awaitBrief(changedAt);
        Map<String, Object> content = new java.util.HashMap<>(Panel.content("CHANGED", "NO", "Avoid methylisothiazolinone"));
        content.put("answers", List.of(
                Map.of("questionCode", "DIAGNOSIS_CORRECT", "text", "No: a contact allergy, not a food allergy"),
                Map.of("questionCode", "SURGERY_NECESSARY", "text", "No surgery is needed"),
                Map.of("questionCode", own, "text", OWN_ANSWER)));
        p.saveDraft(0, content).statusCode(200);
        p.submit(0).statusCode(200);
        p.approve(0).statusCode(200);
        p.release().statusCode(200);
        String report = p.reportIds.get(0);
        String question = given().auth().oauth2(p.patient).contentType(ContentType.JSON).body(Map.of("question", FOLLOW_UP))
                .post("/api/v1/reports/{id}/follow-up-questions", report).then().statusCode(201).extract().path("id");
        given().auth().oauth2(p.specialists.get(0)).contentType(ContentType.JSON).body(Map.of("answer", FOLLOW_UP_ANSWER))
                .post("/api/v1/reports/{id}/follow-up-questions/{q}/answer", report, question).then().statusCode(200);

        // the patient's summary: standard questions in Spanish, his own in his words, never an id
        String summary = pdf(p.patient, report, "summary");
        assertThat(summary).contains("¿Es correcto mi diagnóstico?", "No: a contact allergy", OWN + " " + OWN_ANSWER,
                FOLLOW_UP, FOLLOW_UP_ANSWER).doesNotContain(own, "DIAGNOSIS_CORRECT");
        // the full report for the treating doctor adds the personal doctor's translation beside his words
        String full = pdf(p.doctor, report, "full");
        assertThat(full).contains(OWN + " (" + TRANSLATION + ")", OWN_ANSWER).doesNotContain(own);

        // the partner, with the patient's consent, reads the report: the standard answers, none of his own words
        UUID consent = Broker.publish(kafka, Panel.CASE_TOPIC, "consilium.case.consent-granted.v1", p.caseId, p.tenant, """
                {"caseId":"%s","tenant":"%s","consentId":"%s","purpose":"REPORT_TO_PARTNER","specialistSubjects":[],
                 "countries":[],"grantedAt":"%s"}""".formatted(p.caseId, p.tenant, UUID.randomUUID(), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> db.count("select count(*) from inbox_event where event_id = ?1", consent) == 1);
        for (String kind : List.of("summary", "full")) {
            String partners = pdf(p.partner, report, kind);
            assertThat(partners).as(kind).contains("No: a contact allergy", "Avoid methylisothiazolinone")
                    .doesNotContain(OWN, TRANSLATION, OWN_ANSWER, own, FOLLOW_UP, FOLLOW_UP_ANSWER);
        }
        String fhir = given().auth().oauth2(p.partner).get("/api/v1/reports/{id}/fhir", report).then().statusCode(200)
                .extract().asString();
        assertThat(fhir).contains("Avoid methylisothiazolinone")
                .doesNotContain(OWN, TRANSLATION, OWN_ANSWER, own, FOLLOW_UP, FOLLOW_UP_ANSWER);
        String versions = given().auth().oauth2(p.partner).get("/api/v1/reports/{id}/versions", report).then()
                .statusCode(200).extract().asString();
        assertThat(versions).contains("ADDENDUM").doesNotContain(OWN, OWN_ANSWER, own, FOLLOW_UP, FOLLOW_UP_ANSWER);
        String consolidation = given().auth().oauth2(p.partner).get("/api/v1/cases/{id}/consolidation", p.caseId).then()
                .statusCode(200).extract().asString();
        assertThat(consolidation).doesNotContain(OWN, OWN_ANSWER, own, FOLLOW_UP);
    }

    private static String pdf(String token, String report, String kind) throws IOException {
        return OutputsTest.text(given().auth().oauth2(token).get("/api/v1/reports/{id}/pdf?kind={k}", report, kind)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray())
                .replaceAll("\\s+", " "); // lines wrap where the page ends them
    }
}
