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
import static org.hamcrest.Matchers.notNullValue;

/**
 * A biopsy block from request to return: its destination (institution and recipient), the outbound and the return
 * leg's tracking, each step an event, and its own item on the case's checklist.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SpecimenFlowTest {

    private static final List<String> SPECIMEN_TYPES = List.of("consilium.document.specimen-requested.v1",
            "consilium.document.specimen-shipped.v1", "consilium.document.specimen-received.v1",
            "consilium.document.specimen-return-shipped.v1", "consilium.document.specimen-returned.v1");

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void requestedShippedToItsDestinationReceivedShippedBackAndReturned() {
        CaseFacts facts = new CaseFacts(kafka).submittedAndAssigned("oncology");
        String specialist = "s-" + UUID.randomUUID();
        facts.specialistAccepted(specialist);
        facts.consentToSpecialists(specialist);
        String manager = facts.managerToken();

        io.restassured.path.json.JsonPath requested = given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("description", "Paraffin block A2 and 6 H&E slides"))
                .when().post("/api/v1/cases/{id}/specimens", facts.caseId)
                .then().statusCode(201).body("state", equalTo("REQUESTED"))
                .body("checklistItemId", notNullValue()).extract().jsonPath();
        String id = requested.getString("id");
        String itemId = requested.getString("checklistItemId");
        given().auth().oauth2(facts.patientToken()).when().get("/api/v1/cases/{id}/checklist", facts.caseId)
                .then().statusCode(200)
                .body("items.find { it.code == 'SPECIMEN_1' }.id", equalTo(itemId))
                .body("items.find { it.code == 'SPECIMEN_1' }.specimenId", equalTo(id))
                .body("items.find { it.code == 'SPECIMEN_1' }.required", equalTo(true))
                .body("items.find { it.code == 'SPECIMEN_1' }.sources[0]", equalTo("SPECIMEN"))
                .body("items.find { it.code == 'SPECIMEN_1' }.state", equalTo("PENDING"))
                .body("openItems", org.hamcrest.Matchers.hasItem("SPECIMEN_1"));

        given().auth().oauth2(Tokens.specialist(specialist)).when().post("/api/v1/specimens/{id}/receipt", id)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(Map.of("carrier", "DHL"))
                .when().post("/api/v1/specimens/{id}/shipment", id)
                .then().statusCode(400);
        // no destination named yet: the shipment is refused and nothing changes
        given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("carrier", "DHL", "trackingId", "JD0146000033"))
                .when().post("/api/v1/specimens/{id}/shipment", id)
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("destination"));
        given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("carrier", "DHL", "trackingId", "JD0146000033",
                        "destination", Map.of("institution", "Wills Eye Hospital, Philadelphia", "recipient", "Dr. Carol Shields")))
                .when().post("/api/v1/specimens/{id}/shipment", id)
                .then().statusCode(200).body("state", equalTo("SHIPPED")).body("trackingId", equalTo("JD0146000033"))
                .body("destinationInstitution", equalTo("Wills Eye Hospital, Philadelphia"))
                .body("destinationRecipient", equalTo("Dr. Carol Shields"));
        given().auth().oauth2(Tokens.specialist("s-stranger")).when().post("/api/v1/specimens/{id}/receipt", id)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.specialist(specialist)).when().post("/api/v1/specimens/{id}/receipt", id)
                .then().statusCode(200).body("state", equalTo("RECEIVED")).body("receivedBy", equalTo(specialist));
        given().auth().oauth2(manager).when().get("/api/v1/cases/{id}/checklist", facts.caseId)
                .then().body("items.find { it.code == 'SPECIMEN_1' }.state", equalTo("RECEIVED"));
        given().auth().oauth2(Tokens.specialist(specialist)).contentType(ContentType.JSON)
                .body(Map.of("carrier", "FedEx", "trackingId", "FX-7788"))
                .when().post("/api/v1/specimens/{id}/return-shipment", id)
                .then().statusCode(200).body("state", equalTo("RETURN_SHIPPED"))
                .body("returnCarrier", equalTo("FedEx")).body("returnTrackingId", equalTo("FX-7788"))
                .body("returnShippedAt", notNullValue());
        given().auth().oauth2(manager).when().post("/api/v1/specimens/{id}/return", id)
                .then().statusCode(200).body("state", equalTo("RETURNED")).body("returnedAt", notNullValue());
        given().auth().oauth2(facts.patientToken()).when().get("/api/v1/cases/{id}/specimens", facts.caseId)
                .then().statusCode(200).body("[0].state", equalTo("RETURNED"))
                .body("[0].carrier", equalTo("DHL")).body("[0].returnTrackingId", equalTo("FX-7788"));
        // the received specimen is accepted like a document
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPTED"))
                .when().post("/api/v1/cases/{c}/checklist/items/{i}/review", facts.caseId, itemId)
                .then().statusCode(200).body("state", equalTo("ACCEPTED"));

        List<ConsumerRecord<String, String>> events = Broker.readUntil(kafka, "consilium.document.events",
                seen -> seen.stream().filter(r -> facts.caseId.equals(r.key())
                        && SPECIMEN_TYPES.contains(Broker.header(r, "ce_type"))).count() >= 5, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> specimenEvents = events.stream().filter(r -> facts.caseId.equals(r.key())
                && SPECIMEN_TYPES.contains(Broker.header(r, "ce_type"))).toList();
        assertThat(specimenEvents).extracting(r -> Broker.header(r, "ce_type")).containsExactlyElementsOf(SPECIMEN_TYPES);
        JsonNode shipped = Broker.json(specimenEvents.get(1).value());
        assertThat(shipped.get("specimenId").asText()).isEqualTo(id);
        assertThat(shipped.get("carrier").asText()).isEqualTo("DHL");
        assertThat(shipped.get("trackingId").asText()).isEqualTo("JD0146000033");
        assertThat(shipped.get("destinationInstitution").asText()).isEqualTo("Wills Eye Hospital, Philadelphia");
        assertThat(shipped.has("destinationRecipient")).as("no person's name in events").isFalse();
        assertThat(shipped.get("shippedAt").asText()).isNotBlank();
        JsonNode received = Broker.json(specimenEvents.get(2).value());
        assertThat(received.get("receivedBy").asText()).isEqualTo(specialist);
        JsonNode back = Broker.json(specimenEvents.get(3).value());
        assertThat(back.get("carrier").asText()).isEqualTo("FedEx");
        assertThat(back.get("trackingId").asText()).isEqualTo("FX-7788");
        assertThat(back.get("shippedAt").asText()).isNotBlank();
    }

    @Test
    void destinationGivenWithTheRequest() {
        CaseFacts facts = new CaseFacts(kafka).submittedAndAssigned("urology");
        String manager = facts.managerToken();
        given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("description", "Core biopsy slides", "destination",
                        Map.of("institution", "Charité Pathology", "recipient", "Prof. Weber")))
                .when().post("/api/v1/cases/{id}/specimens", facts.caseId)
                .then().statusCode(201).body("destinationInstitution", equalTo("Charité Pathology"));
        String second = given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("description", "Second block", "destination",
                        Map.of("institution", "Charité Pathology", "recipient", "Prof. Weber")))
                .when().post("/api/v1/cases/{id}/specimens", facts.caseId)
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(manager).contentType(ContentType.JSON).body(Map.of("carrier", "UPS", "trackingId", "1Z999"))
                .when().post("/api/v1/specimens/{id}/shipment", second)
                .then().statusCode(200).body("state", equalTo("SHIPPED"));
        given().auth().oauth2(manager).when().get("/api/v1/cases/{id}/checklist", facts.caseId)
                .then().body("items.code", org.hamcrest.Matchers.hasItems("SPECIMEN_1", "SPECIMEN_2"));
        given().auth().oauth2(manager).contentType(ContentType.JSON)
                .body(Map.of("description", "x", "destination", Map.of("institution", "Lab\nX", "recipient", "Y")))
                .when().post("/api/v1/cases/{id}/specimens", facts.caseId)
                .then().statusCode(400).body("violations[0].field", equalTo("destination.institution"));
    }
}
