package io.consilium.cases.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.cases.events.CaseEvents;
import io.consilium.platform.testing.Broker;
import io.consilium.cases.support.Coverage;
import io.consilium.cases.support.Intakes;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/**
 * One case from intake to CLOSED through the real API with a token per role, the other services' events
 * published on the real topics, and case-service's own events read back off its topic.
 */
@QuarkusTest
class CaseLifecycleTest {

    private final KafkaCompanion kafka = Broker.companion();
    private final ObjectMapper json = new ObjectMapper();
    private final String tenant = "t-" + UUID.randomUUID();
    private final String patientId = "p-" + UUID.randomUUID();
    private final String doctor = "dr-" + UUID.randomUUID();
    private final String patient = Tokens.patient(patientId, tenant, "M-1");
    private final String partner = Tokens.partner(tenant);
    private final String manager = Tokens.caseManager(doctor, tenant);
    private final String ops = Tokens.ops("olivia");

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void caseGoesFromIntakeToClosed() throws Exception {
        Coverage.plan(tenant, Map.of("allowedSpecialistCountries", List.of("DE", "ES", "US"), "maxPanelSize", 2));
        Coverage.members(tenant, "M-1");
        Coverage.manager(doctor, tenant, 10, "es", "en");
        Coverage.manager("dr-french-" + UUID.randomUUID(), tenant, 10, "fr");

        // intake: the patient opens and submits; eligibility passes and the Spanish-speaking doctor is assigned
        String caseId = given().auth().oauth2(patient).contentType(ContentType.JSON).body(Intakes.valid("M-1"))
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id");
        step(patient, caseId, "submit", null).body("state", equalTo("MANAGER_ASSIGNED")).body("managerId", equalTo(doctor));

        // consent, then records
        given().auth().oauth2(patient).contentType(ContentType.JSON)
                .body(Map.of("purpose", "RECORDS_TO_SPECIALISTS", "countries", List.of("DE", "FR")))
                .when().post("/api/v1/cases/{id}/consents", caseId).then().statusCode(201);
        step(manager, caseId, "records-requests", Map.of("items", List.of(
                Map.of("code", "PATHOLOGY_REPORT", "label", "Biopsy pathology report", "required", true),
                Map.of("code", "MRI", "label", "Pelvic MRI", "required", false))))
                .body("state", equalTo("COLLECTING_RECORDS"));
        given().auth().oauth2(patient).contentType(ContentType.JSON).body(Map.of("body", "Uploaded the MRI today."))
                .when().post("/api/v1/cases/{id}/messages", caseId).then().statusCode(201);
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(Map.of("body", "Thank you, all complete."))
                .when().post("/api/v1/cases/{id}/messages", caseId).then().statusCode(201);
        given().auth().oauth2(patient).when().get("/api/v1/cases/{id}/messages", caseId)
                .then().statusCode(200).body("items.authorRole", contains("patient", "case-manager"));
        io.consilium.cases.support.Journey.checklist(caseId, tenant, 1, true, "[]"); // document-service: all accepted
        step(manager, caseId, "records-complete", null).body("state", equalTo("READY_FOR_REVIEW"))
                .body("recordsCompletedAt", notNullValue());

        // review: the countries are the plan's narrowed by the consent
        step(manager, caseId, "review-requests", Map.of("panelSize", 2)).body("panelSize", equalTo(2));
        JsonNode review = payloadOf(caseId, CaseEvents.REVIEW_REQUESTED);
        assertThat(review.get("allowedCountries")).extracting(JsonNode::asText).containsExactly("DE");
        assertThat(review.get("panelSize").asInt()).isEqualTo(2);
        assertThat(review.get("requestedSpecialty").asText()).isEqualTo("urology");
        assertThat(review.get("treatingInstitution").asText()).isEqualTo("Hospital Central");
        assertThat(review.get("dueBy").asText()).isNotBlank();

        // the other services move the case
        Broker.publish(kafka, "consilium.specialist.events", "consilium.specialist.panel-assembled.v1", caseId, tenant,
                "{\"caseId\":\"" + caseId + "\",\"specialists\":[]}");
        awaitState(caseId, "IN_REVIEW");
        UUID report1 = UUID.randomUUID();
        UUID report2 = UUID.randomUUID();
        Broker.publish(kafka, "consilium.report.events", "consilium.report.approved.v1", caseId, tenant,
                "{\"reportId\":\"" + report1 + "\"}");
        Broker.publish(kafka, "consilium.report.events", "consilium.report.approved.v1", caseId, tenant,
                "{\"reportId\":\"" + report2 + "\"}");
        awaitState(caseId, "REPORT_READY");
        Broker.publish(kafka, "consilium.report.events", "consilium.report.released.v1", caseId, tenant, """
                {"caseId":"%s","releasedAt":"%s","reports":[
                 {"reportId":"%s","diagnosisAssessment":"REFINED","surgeryNecessary":"NO","treatmentChanged":true},
                 {"reportId":"%s","diagnosisAssessment":"CONFIRMED","surgeryNecessary":"NO","treatmentChanged":false}]}"""
                .formatted(caseId, Instant.now(), report1, report2));
        awaitState(caseId, "REPORT_DELIVERED");

        // after the report: discussion, follow-ups, outcome, close
        step(manager, caseId, "discussion", Map.of("summary", "Discussed both opinions; active surveillance chosen."))
                .body("intake.discussionSummary", equalTo("Discussed both opinions; active surveillance chosen."));
        List<String> followUps = given().auth().oauth2(manager).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/cases/{id}/follow-ups", caseId)
                .then().statusCode(201).body("$", hasSize(3)).extract().path("id");
        given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("treatmentChosen", "Active surveillance", "opinionFollowed", "YES"))
                .when().post("/api/v1/cases/{id}/follow-ups/{f}/outcome", caseId, followUps.get(0))
                .then().statusCode(200).body("recordedAt", notNullValue());
        step(manager, caseId, "close", null).body("state", equalTo("CLOSED")).body("closedAt", notNullValue());

        // what each role sees afterwards
        given().auth().oauth2(partner).when().get("/api/v1/cases/{id}", caseId)
                .then().statusCode(200).body("state", equalTo("CLOSED")).body("intake", equalTo(null));
        List<String> published = typesPublished(caseId, CaseEvents.CLOSED);
        assertThat(published).containsExactly(CaseEvents.SUBMITTED, CaseEvents.MANAGER_ASSIGNED,
                CaseEvents.CONSENT_GRANTED, CaseEvents.RECORDS_REQUESTED, CaseEvents.RECORDS_COMPLETED,
                CaseEvents.BRIEF_CHANGED, CaseEvents.REVIEW_REQUESTED, CaseEvents.REPORT_DELIVERED,
                CaseEvents.FOLLOW_UP_SCHEDULED,
                CaseEvents.FOLLOW_UP_SCHEDULED, CaseEvents.FOLLOW_UP_SCHEDULED, CaseEvents.FOLLOW_UP_RECORDED,
                CaseEvents.CLOSED);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(partner).when().get("/api/v1/cases/{id}/timeline", caseId)
                        .then().statusCode(200)
                        .body("type", hasItem("consilium.specialist.panel-assembled.v1"))
                        .body("type", hasItem(CaseEvents.CLOSED)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                // paged newest first, and the polling reads above can fill any page: filter by action
                given().auth().oauth2(patient).queryParam("action", "request_records")
                        .when().get("/api/v1/cases/{id}/access-log", caseId)
                        .then().statusCode(200)
                        .body("items.action", everyItem(equalTo("REQUEST_RECORDS")))
                        .body("items.action", hasItem("REQUEST_RECORDS"))
                        .body("items.subject", hasItem(doctor)));
        String from = Instant.now().minus(1, ChronoUnit.DAYS).toString();
        String to = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        given().auth().oauth2(partner).queryParam("from", from).queryParam("to", to)
                .when().get("/api/v1/statistics/outcomes")
                .then().statusCode(200)
                .body("tenant", equalTo(tenant))
                .body("casesByState.CLOSED", equalTo(1))
                .body("turnaround.delivered", equalTo(1))
                // one case, not two reports: a REFINED and a CONFIRMED opinion without a majority is a REFINED case
                .body("diagnosisAssessments.REFINED", equalTo(1))
                .body("diagnosisAssessments.CONFIRMED", equalTo(0))
                .body("diagnosisAssessments.CHANGED", equalTo(0))
                .body("casesWithTreatmentChanged", equalTo(1))
                .body("surgeryAvoided", equalTo(1));
        given().auth().oauth2(ops).queryParam("tenant", tenant).when().get("/api/v1/cases/{id}/sla", caseId)
                .then().statusCode(200).body("kind", containsInAnyOrder("RECORDS", "REVIEW"))
                .body("status", containsInAnyOrder("MET", "MET"));
    }

    private io.restassured.response.ValidatableResponse step(String token, String caseId, String path, Object body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post("/api/v1/cases/{id}/" + path, caseId).then().statusCode(200);
    }

    private void awaitState(String caseId, String state) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(manager).when().get("/api/v1/cases/{id}", caseId)
                        .then().statusCode(200).body("state", equalTo(state)));
    }

    private JsonNode payloadOf(String caseId, String type) throws Exception {
        List<ConsumerRecord<String, String>> records = Broker.readUntil(kafka, CaseEvents.TOPIC,
                seen -> seen.stream().anyMatch(r -> caseId.equals(r.key()) && type.equals(typeOf(r))),
                Duration.ofSeconds(30));
        return json.readTree(records.stream().filter(r -> caseId.equals(r.key()) && type.equals(typeOf(r)))
                .findFirst().orElseThrow().value());
    }

    private List<String> typesPublished(String caseId, String last) {
        return Broker.readUntil(kafka, CaseEvents.TOPIC,
                        seen -> seen.stream().anyMatch(r -> caseId.equals(r.key()) && last.equals(typeOf(r))),
                        Duration.ofSeconds(30))
                .stream().filter(r -> caseId.equals(r.key())).map(CaseLifecycleTest::typeOf).toList();
    }

    private static String typeOf(ConsumerRecord<String, String> r) {
        return new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}
