package io.consilium.cases.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.cases.events.CaseEvents;
import io.consilium.platform.testing.Broker;
import io.consilium.cases.support.Journey;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Consent is the patient's alone, revocable at once, announced to other services; the thread is private. */
@QuarkusTest
class ConsentAndMessagesTest {

    private final KafkaCompanion kafka = Broker.companion();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void revocationIsPublishedForConsumersWithThePurposeAndConsentId() throws Exception {
        Journey j = Journey.assigned();
        String consentId = given().auth().oauth2(j.patient).contentType(ContentType.JSON)
                .body(Map.of("purpose", "RECORDS_TO_SPECIALISTS", "specialistSubjects", List.of("prof-eva"),
                        "countries", List.of("DE")))
                .when().post("/api/v1/cases/{id}/consents", j.caseId)
                .then().statusCode(201).body("active", equalTo(true)).extract().path("id");
        given().auth().oauth2(j.patient).when().post("/api/v1/cases/{id}/consents/{c}/revoke", j.caseId, consentId)
                .then().statusCode(200).body("active", equalTo(false));
        given().auth().oauth2(j.patient).when().post("/api/v1/cases/{id}/consents/{c}/revoke", j.caseId, consentId)
                .then().statusCode(409).contentType("application/problem+json");

        List<ConsumerRecord<String, String>> records = Broker.readUntil(kafka, CaseEvents.TOPIC,
                seen -> seen.stream().anyMatch(r -> j.caseId.equals(r.key()) && CaseEvents.CONSENT_REVOKED.equals(type(r))),
                Duration.ofSeconds(30));
        JsonNode granted = json.readTree(records.stream()
                .filter(r -> j.caseId.equals(r.key()) && CaseEvents.CONSENT_GRANTED.equals(type(r))).findFirst().orElseThrow().value());
        JsonNode revoked = json.readTree(records.stream()
                .filter(r -> j.caseId.equals(r.key()) && CaseEvents.CONSENT_REVOKED.equals(type(r))).findFirst().orElseThrow().value());
        assertThat(granted.get("consentId").asText()).isEqualTo(consentId);
        assertThat(granted.get("specialistSubjects").get(0).asText()).isEqualTo("prof-eva");
        assertThat(granted.get("countries").get(0).asText()).isEqualTo("DE");
        assertThat(revoked.get("consentId").asText()).isEqualTo(consentId);
        assertThat(revoked.get("purpose").asText()).isEqualTo("RECORDS_TO_SPECIALISTS");
        assertThat(revoked.get("revokedAt").asText()).isNotBlank();
        assertThat(revoked.get("tenant").asText()).isEqualTo(j.tenant);
    }

    @Test
    void anEndedCaseTakesNoNewConsentButARevocationStillWorks() {
        Journey j = Journey.assigned();
        String consent = given().auth().oauth2(j.patient).contentType(ContentType.JSON)
                .body(Map.of("purpose", "REPORT_TO_PARTNER"))
                .when().post("/api/v1/cases/{id}/consents", j.caseId).then().statusCode(201).extract().path("id");
        j.post(j.patient, "cancel", Map.of("reason", "I found another clinic"));
        given().auth().oauth2(j.patient).contentType(ContentType.JSON).body(Map.of("purpose", "RECORDS_TO_SPECIALISTS"))
                .when().post("/api/v1/cases/{id}/consents", j.caseId)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(j.patient).when().get("/api/v1/cases/{id}/consents", j.caseId)
                .then().statusCode(200).body("size()", equalTo(1));
        given().auth().oauth2(j.patient).when().post("/api/v1/cases/{id}/consents/{c}/revoke", j.caseId, consent)
                .then().statusCode(200).body("revokedAt", notNullValue());
    }

    @Test
    void followUpOutcomesAreReadByThePatientAndTheDoctorOnly() {
        Journey j = Journey.assigned();
        given().auth().oauth2(j.patient).when().get("/api/v1/cases/{id}/follow-ups", j.caseId).then().statusCode(200);
        given().auth().oauth2(j.doctor).when().get("/api/v1/cases/{id}/follow-ups", j.caseId).then().statusCode(200);
        // a token with the case-manager role that also sees the case as ops: metadata only, so no outcomes
        String opsAndManager = Tokens.withRoles("dr-ops-" + UUID.randomUUID(), j.tenant, "case-manager", "ops");
        given().auth().oauth2(opsAndManager).when().get("/api/v1/cases/{id}/follow-ups", j.caseId)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void onlyThePatientGrantsConsent() {
        Journey j = Journey.assigned();
        Map<String, Object> body = Map.of("purpose", "REPORT_TO_PARTNER");
        given().auth().oauth2(j.doctor).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/{id}/consents", j.caseId).then().statusCode(403);
        given().auth().oauth2(Tokens.patient("someone-else", j.tenant)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/{id}/consents", j.caseId).then().statusCode(404);
        given().auth().oauth2(j.patient).contentType(ContentType.JSON).body(Map.of("purpose", "EVERYTHING"))
                .when().post("/api/v1/cases/{id}/consents", j.caseId)
                .then().statusCode(400).body("violations[0].field", equalTo("purpose"));
        given().auth().oauth2(j.partner).when().get("/api/v1/cases/{id}/consents", j.caseId)
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void reviewNeedsConsentToShareRecordsWithSpecialists() {
        Journey j = Journey.readyForReview();
        given().auth().oauth2(j.doctor).contentType(ContentType.JSON).body(Map.of("panelSize", 1))
                .when().post("/api/v1/cases/{id}/review-requests", j.caseId)
                .then().statusCode(409).body("detail", equalTo("The patient has not consented to share records with specialists"));
        j.consentToSpecialists();
        given().auth().oauth2(j.doctor).contentType(ContentType.JSON).body(Map.of("panelSize", 4))
                .when().post("/api/v1/cases/{id}/review-requests", j.caseId)
                .then().statusCode(400);
        given().auth().oauth2(j.doctor).contentType(ContentType.JSON).body(Map.of("panelSize", 1))
                .when().post("/api/v1/cases/{id}/review-requests", j.caseId)
                .then().statusCode(200).body("panelSize", equalTo(1));
        given().auth().oauth2(j.doctor).contentType(ContentType.JSON).body(Map.of("panelSize", 1))
                .when().post("/api/v1/cases/{id}/review-requests", j.caseId)
                .then().statusCode(409);
    }

    @Test
    void panelLargerThanThePlanAllowsIsUnprocessable() {
        Journey j = Journey.readyForReview();
        j.consentToSpecialists();
        given().auth().oauth2(Tokens.ops("ops")).queryParam("tenant", j.tenant).when().get("/api/v1/plans")
                .then().statusCode(200).body("[0].maxPanelSize", equalTo(3));
        // the plan allows 3; shrink it to 1
        String planId = given().auth().oauth2(j.partner).when().get("/api/v1/plans").then().extract().path("[0].id");
        Map<String, Object> plan = given().auth().oauth2(j.partner).when().get("/api/v1/plans/{id}", planId)
                .then().extract().as(Map.class);
        plan.put("maxPanelSize", 1);
        given().auth().oauth2(Tokens.ops("ops")).contentType(ContentType.JSON).body(plan)
                .header("If-Match", "\"" + plan.get("version") + "\"")
                .when().put("/api/v1/plans/{id}", planId).then().statusCode(200);
        given().auth().oauth2(j.doctor).contentType(ContentType.JSON).body(Map.of("panelSize", 2))
                .when().post("/api/v1/cases/{id}/review-requests", j.caseId)
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void messageThreadIsForThePatientAndTheirDoctorOnly() {
        Journey j = Journey.assigned();
        Map<String, Object> hello = Map.of("body", "Which tests do you need?");
        given().auth().oauth2(j.patient).contentType(ContentType.JSON).body(hello)
                .when().post("/api/v1/cases/{id}/messages", j.caseId).then().statusCode(201);
        given().auth().oauth2(j.partner).when().get("/api/v1/cases/{id}/messages", j.caseId).then().statusCode(403);
        given().auth().oauth2(Tokens.ops("ops")).when().get("/api/v1/cases/{id}/messages", j.caseId).then().statusCode(403);
        given().auth().oauth2(Tokens.caseManager("dr-" + UUID.randomUUID(), j.tenant))
                .when().get("/api/v1/cases/{id}/messages", j.caseId).then().statusCode(404);
        given().auth().oauth2(j.doctor).when().get("/api/v1/cases/{id}/messages", j.caseId)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].body", equalTo("Which tests do you need?"));
        given().auth().oauth2(j.patient).contentType(ContentType.JSON).body(Map.of("body", "x".repeat(4001)))
                .when().post("/api/v1/cases/{id}/messages", j.caseId).then().statusCode(400);
    }

    private static String type(ConsumerRecord<String, String> r) {
        return new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}
