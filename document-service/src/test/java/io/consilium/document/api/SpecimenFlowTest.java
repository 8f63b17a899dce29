package io.consilium.document.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.consilium.document.support.CaseFacts;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
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
import static org.hamcrest.Matchers.equalTo;

/** A biopsy block from request to return, each step an event. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SpecimenFlowTest {

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void requestedShippedReceivedReturned() {
        CaseFacts facts = new CaseFacts(kafka).submittedAndAssigned("oncology");
        String specialist = "s-" + UUID.randomUUID();
        facts.specialistAccepted(specialist);
        facts.consentToSpecialists(specialist);
        String manager = facts.managerToken();

        String id = given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("description", "Paraffin block A2 and 6 H&E slides"))
                .when().post("/api/v1/cases/{id}/specimens", facts.caseId)
                .then().statusCode(201).body("state", equalTo("REQUESTED")).extract().path("id");
        given().auth().oauth2(Tokens.specialist(specialist)).when().post("/api/v1/specimens/{id}/receipt", id)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(Map.of("carrier", "DHL"))
                .when().post("/api/v1/specimens/{id}/shipment", id)
                .then().statusCode(400);
        given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("carrier", "DHL", "trackingId", "JD0146000033"))
                .when().post("/api/v1/specimens/{id}/shipment", id)
                .then().statusCode(200).body("state", equalTo("SHIPPED")).body("trackingId", equalTo("JD0146000033"));
        given().auth().oauth2(Tokens.specialist("s-stranger")).when().post("/api/v1/specimens/{id}/receipt", id)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.specialist(specialist)).when().post("/api/v1/specimens/{id}/receipt", id)
                .then().statusCode(200).body("state", equalTo("RECEIVED")).body("receivedBy", equalTo(specialist));
        given().auth().oauth2(Tokens.specialist(specialist)).when().post("/api/v1/specimens/{id}/return", id)
                .then().statusCode(200).body("state", equalTo("RETURNED"));
        given().auth().oauth2(facts.patientToken()).when().get("/api/v1/cases/{id}/specimens", facts.caseId)
                .then().statusCode(200).body("[0].state", equalTo("RETURNED"));

        List<ConsumerRecord<String, String>> events = Broker.readUntil(kafka, "consilium.document.events",
                seen -> seen.stream().filter(r -> facts.caseId.equals(r.key())).count() >= 4, Duration.ofSeconds(30));
        List<String> types = events.stream().filter(r -> facts.caseId.equals(r.key()))
                .map(r -> Broker.header(r, "ce_type")).toList();
        assertThat(types).containsExactly("consilium.document.specimen-requested.v1",
                "consilium.document.specimen-shipped.v1", "consilium.document.specimen-received.v1",
                "consilium.document.specimen-returned.v1");
        JsonNode shipped = events.stream().filter(r -> "consilium.document.specimen-shipped.v1".equals(Broker.header(r, "ce_type"))
                        && facts.caseId.equals(r.key())).map(r -> Broker.json(r.value())).findFirst().orElseThrow();
        assertThat(shipped.get("specimenId").asText()).isEqualTo(id);
        assertThat(shipped.get("carrier").asText()).isEqualTo("DHL");
        assertThat(shipped.get("trackingId").asText()).isEqualTo("JD0146000033");
        assertThat(shipped.get("shippedAt").asText()).isNotBlank();
        JsonNode received = events.stream().filter(r -> "consilium.document.specimen-received.v1".equals(Broker.header(r, "ce_type"))
                        && facts.caseId.equals(r.key())).map(r -> Broker.json(r.value())).findFirst().orElseThrow();
        assertThat(received.get("receivedBy").asText()).isEqualTo(specialist);
    }
}
