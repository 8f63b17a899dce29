package io.consilium.cases.questions;

import com.fasterxml.jackson.databind.JsonNode;
import io.consilium.cases.events.CaseEvents;
import io.consilium.cases.support.CaseApi;
import io.consilium.cases.support.Coverage;
import io.consilium.cases.support.Intakes;
import io.consilium.cases.support.Journey;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 12, items 1 and 2 in case-service, over HTTP with real tokens, the real database and broker: the patient
 * owns the questions of a case a partner opened until the review is requested, then only the personal doctor
 * changes them (audited, in the timeline, the brief published again); the partner never reads free-text questions;
 * the brief goes out before the review request with no identifying data.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PatientQuestionsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String OWN = "¿Puede ser el gel de ducha lo que me provoca el picor?";

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void thePatientRewritesTheQuestionsOfACaseThePartnerOpenedAndThePartnerNeverReadsThem() {
        String tenant = "t-" + UUID.randomUUID();
        String member = "M-lee-" + UUID.randomUUID();
        Coverage.covered(tenant, member);
        String partner = Tokens.partner(tenant);
        String caseId = CaseApi.open(partner, Intakes.valid(member));
        String patient = Tokens.patient("p-lee-" + UUID.randomUUID(), tenant, member);
        given().auth().oauth2(patient).when().get("/api/v1/cases").then().statusCode(200); // links the account

        String etag = etag(patient, caseId);
        String firstId = given().auth().oauth2(patient).when().get("/api/v1/cases/{id}", caseId)
                .then().extract().path("intake.ownQuestions[0].id");
        put(patient, caseId, etag, Map.of("reasons", List.of("CONFIRM_DIAGNOSIS", "NOT_RESPONDING_TO_TREATMENT"),
                "questions", List.of("DIAGNOSIS_CORRECT", "WHY_DIFFERENT"),
                "ownQuestions", List.of(Map.of("id", firstId, "text", "¿Puedo seguir trabajando?"), Map.of("text", OWN))))
                .statusCode(200)
                .body("reasons", equalTo(List.of("CONFIRM_DIAGNOSIS", "NOT_RESPONDING_TO_TREATMENT")))
                .body("intake.questions", equalTo(List.of("DIAGNOSIS_CORRECT", "WHY_DIFFERENT")))
                .body("intake.ownQuestions[0].id", equalTo(firstId))
                .body("intake.ownQuestions[0].text", equalTo("¿Puedo seguir trabajando?"))
                .body("intake.ownQuestions[1].text", equalTo(OWN))
                .body("intake.otherQuestions", equalTo(List.of("¿Puedo seguir trabajando?", OWN)));

        // the old ETag is stale now: 412 and nothing changes
        put(patient, caseId, etag, Map.of("reasons", List.of("COMPLEX_CONDITION"))).statusCode(412).contentType(PROBLEM);
        // removing one: left out of the list
        String current = etag(patient, caseId);
        String ownId = given().auth().oauth2(patient).when().get("/api/v1/cases/{id}", caseId)
                .then().extract().path("intake.ownQuestions[1].id");
        put(patient, caseId, current, Map.of("reasons", List.of("CONFIRM_DIAGNOSIS"),
                "questions", List.of("DIAGNOSIS_CORRECT"), "ownQuestions", List.of(Map.of("id", ownId, "text", OWN))))
                .statusCode(200).body("intake.ownQuestions.text", equalTo(List.of(OWN)));
        // an id of no question of this case: 422 naming the field, nothing stored
        put(patient, caseId, etag(patient, caseId), Map.of("reasons", List.of("CONFIRM_DIAGNOSIS"),
                "ownQuestions", List.of(Map.of("id", UUID.randomUUID().toString(), "text", "x"))))
                .statusCode(422).contentType(PROBLEM).body("violations[0].field", equalTo("ownQuestions[0].id"));
        // no reasons at all: 400
        put(patient, caseId, etag(patient, caseId), Map.of("reasons", List.of())).statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("reasons"));
        // the partner may not change them, and reads none of them: not in the case, not in the list
        put(partner, caseId, etag(partner, caseId), Map.of("reasons", List.of("COMPLEX_CONDITION"))).statusCode(403);
        given().auth().oauth2(partner).when().get("/api/v1/cases/{id}", caseId).then().statusCode(200)
                .body("intake", nullValue()).body(not(containsString("gel de ducha")));
        given().auth().oauth2(partner).queryParam("size", 100).when().get("/api/v1/cases").then().statusCode(200)
                .body("items.id", hasItem(caseId)).body(not(containsString("gel de ducha")))
                .body(not(containsString("ownQuestions")));
        given().auth().oauth2(patient).when().get("/api/v1/cases/{id}", caseId).then()
                .body("intake.ownQuestions[0].text", equalTo(OWN)).body("reasons", equalTo(List.of("CONFIRM_DIAGNOSIS")));
        // audited as the patient's change
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(patient).queryParam("action", "edit_questions")
                        .when().get("/api/v1/cases/{id}/access-log", caseId)
                        .then().statusCode(200).body("items.action", hasItem("EDIT_QUESTIONS")));
    }

    @Test
    void afterTheReviewRequestOnlyTheDoctorChangesThemAndTheBriefIsPublishedAgain() throws Exception {
        Journey j = Journey.readyForReview();
        String ownId = given().auth().oauth2(j.patient).when().get("/api/v1/cases/{id}", j.caseId)
                .then().extract().path("intake.ownQuestions[0].id");
        given().auth().oauth2(j.doctor).header("If-Match", etag(j.doctor, j.caseId)).contentType(ContentType.JSON)
                .body(Map.of("history", "Eczema since childhood; elimination diet for two years without effect.",
                        "ageBand", "AGE_40_59", "sex", "MALE"))
                .when().put("/api/v1/cases/{id}/background", j.caseId)
                .then().statusCode(200).body("intake.background.ageBand", equalTo("AGE_40_59"))
                .body("intake.background.sex", equalTo("MALE"));
        given().auth().oauth2(j.patient).header("If-Match", etag(j.patient, j.caseId)).contentType(ContentType.JSON)
                .body(Map.of("history", "mine")).when().put("/api/v1/cases/{id}/background", j.caseId)
                .then().statusCode(403).contentType(PROBLEM);
        j.consentToSpecialists();
        j.post(j.doctor, "review-requests", Map.of("panelSize", 1));

        // the brief leads the review request, with the clinical content and nothing identifying
        List<ConsumerRecord<String, String>> events = eventsUntil(j.caseId, CaseEvents.REVIEW_REQUESTED, 1);
        List<String> types = events.stream().map(r -> Broker.header(r, "ce_type")).toList();
        assertThat(types.indexOf(CaseEvents.BRIEF_CHANGED)).isGreaterThanOrEqualTo(0)
                .isLessThan(types.indexOf(CaseEvents.REVIEW_REQUESTED));
        String raw = events.stream().filter(r -> CaseEvents.BRIEF_CHANGED.equals(Broker.header(r, "ce_type")))
                .findFirst().orElseThrow().value();
        JsonNode brief = Broker.json(raw);
        assertThat(brief.get("diagnosisText").asText()).isEqualTo("Localised prostate cancer, Gleason 7");
        assertThat(brief.get("proposedTreatment").asText()).isEqualTo("Radical prostatectomy");
        assertThat(brief.get("history").asText()).startsWith("Eczema since childhood");
        assertThat(brief.get("ageBand").asText()).isEqualTo("AGE_40_59");
        assertThat(brief.get("treatingInstitution").asText()).isEqualTo("Hospital Central");
        assertThat(brief.get("questions").findValuesAsText("questionId"))
                .containsExactly("DIAGNOSIS_CORRECT", "ALTERNATIVES", "SURGERY_NECESSARY", ownId);
        assertThat(raw).doesNotContain("Ana Ruiz", "ana@example.org", "600 000", "M-1", j.patientId, "Dr. Perez");

        // the patient is now refused; the doctor changes them and translates, each published again
        put(j.patient, j.caseId, etag(j.patient, j.caseId), Map.of("reasons", List.of("COMPLEX_CONDITION")))
                .statusCode(409).contentType(PROBLEM).body("detail", containsString("personal doctor"));
        put(j.doctor, j.caseId, etag(j.doctor, j.caseId), Map.of("reasons", List.of("CONFIRM_DIAGNOSIS"),
                "questions", List.of("DIAGNOSIS_CORRECT"),
                "ownQuestions", List.of(Map.of("id", ownId, "text", "Can I keep working during treatment?"),
                        Map.of("text", OWN)))).statusCode(200);
        String newId = given().auth().oauth2(j.doctor).when().get("/api/v1/cases/{id}", j.caseId)
                .then().extract().path("intake.ownQuestions[1].id");
        translate(j, newId, "es", "lo mismo").statusCode(422).contentType(PROBLEM)
                .body("violations[0].field", equalTo("language"));
        translate(j, UUID.randomUUID().toString(), "en", "x").statusCode(404).contentType(PROBLEM);
        translate(j, newId, "en", "Could the shower gel be what makes me itch?").statusCode(200)
                .body("intake.ownQuestions[1].text", equalTo(OWN))
                .body("intake.ownQuestions[1].translation", equalTo("Could the shower gel be what makes me itch?"))
                .body("intake.ownQuestions[1].translationLanguage", equalTo("en"));

        List<ConsumerRecord<String, String>> after = eventsUntil(j.caseId, CaseEvents.BRIEF_CHANGED, 3);
        JsonNode last = Broker.json(after.stream().filter(r -> CaseEvents.BRIEF_CHANGED.equals(Broker.header(r, "ce_type")))
                .reduce((a, b) -> b).orElseThrow().value());
        JsonNode question = last.get("questions").get(1);
        assertThat(question.get("questionId").asText()).isEqualTo(ownId);
        JsonNode translated = last.get("questions").get(2);
        assertThat(translated.get("kind").asText()).isEqualTo("OWN");
        assertThat(translated.get("text").asText()).isEqualTo(OWN);
        assertThat(translated.get("language").asText()).isEqualTo("es");
        assertThat(translated.get("translation").asText()).isEqualTo("Could the shower gel be what makes me itch?");

        // in the timeline (as metadata) and the access log
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().auth().oauth2(j.partner).when().get("/api/v1/cases/{id}/timeline", j.caseId)
                    .then().statusCode(200).body("type", hasItem(CaseEvents.BRIEF_CHANGED))
                    .body(not(containsString("gel de ducha")));
            given().auth().oauth2(j.patient).queryParam("action", "translate_question")
                    .when().get("/api/v1/cases/{id}/access-log", j.caseId)
                    .then().statusCode(200).body("items.action", hasItem("TRANSLATE_QUESTION"));
        });
    }

    private List<ConsumerRecord<String, String>> eventsUntil(String caseId, String type, int count) {
        return Broker.readUntil(kafka, CaseEvents.TOPIC, seen -> seen.stream()
                        .filter(r -> caseId.equals(r.key()) && type.equals(Broker.header(r, "ce_type"))).count() >= count,
                Duration.ofSeconds(30)).stream().filter(r -> caseId.equals(r.key())).toList();
    }

    private static ValidatableResponse translate(Journey j, String questionId, String language, String text) {
        return given().auth().oauth2(j.doctor).header("If-Match", etag(j.doctor, j.caseId)).contentType(ContentType.JSON)
                .body(Map.of("language", language, "text", text))
                .when().put("/api/v1/cases/{id}/questions/{q}/translation", j.caseId, questionId).then();
    }

    private static ValidatableResponse put(String token, String caseId, String etag, Map<String, Object> body) {
        return given().auth().oauth2(token).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/cases/{id}/questions", caseId).then();
    }

    private static String etag(String token, String caseId) {
        return given().auth().oauth2(token).when().get("/api/v1/cases/{id}", caseId).then().statusCode(200)
                .extract().header("ETag");
    }
}
