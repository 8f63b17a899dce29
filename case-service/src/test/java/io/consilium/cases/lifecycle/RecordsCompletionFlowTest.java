package io.consilium.cases.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.events.CaseEvents;
import io.consilium.cases.support.Journey;
import io.consilium.platform.testing.Broker;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 12 item 5 across services: document-service's checklist state (checklist-changed, published here in its
 * JSON) is kept by case-service, which refuses "records complete" while required items are open (409 listing them)
 * unless the personal doctor overrides with a reason, recorded on the case, in records-completed and the timeline.
 */
@QuarkusTest
class RecordsCompletionFlowTest {

    private static final String OPEN = """
            [{"itemId":"%s","code":"IMAGING","state":"RECEIVED"},{"itemId":"%s","code":"LAB_RESULTS","state":"PENDING"}]"""
            .formatted(UUID.randomUUID(), UUID.randomUUID());

    @Test
    void refusedWhileItemsAreOpenAndAllowedOnceTheChecklistIsSettled() {
        Journey j = Journey.collectingRecords();
        long version = version(j);
        // nothing reported yet: refused as unknown
        complete(j, null).statusCode(409).contentType("application/problem+json")
                .body("reason", equalTo("CHECKLIST_UNKNOWN")).body("openItems", empty());

        Journey.checklist(j.caseId, j.tenant, 1, false, OPEN);
        complete(j, null).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:consilium:problem:conflict"))
                .body("reason", equalTo("CHECKLIST_OPEN"))
                .body("detail", containsString("IMAGING, LAB_RESULTS"))
                .body("openItems.code", contains("IMAGING", "LAB_RESULTS"))
                .body("openItems.state", contains("RECEIVED", "PENDING"));
        complete(j, Map.of("overrideReason", "  ")).statusCode(400).body("violations[0].field", containsString("overrideReason"));
        assertThat(version(j)).as("refusals change nothing").isEqualTo(version);
        given().auth().oauth2(j.doctor).when().get("/api/v1/cases/{id}", j.caseId).then().body("state", equalTo("COLLECTING_RECORDS"));

        // an older state replayed after a newer one does not count; the newest says everything is settled
        Journey.checklist(j.caseId, j.tenant, 3, true, "[]");
        awaitProcessed(Journey.checklist(j.caseId, j.tenant, 2, false, OPEN));
        complete(j, null).statusCode(200).body("state", equalTo("READY_FOR_REVIEW"));
        assertThat(stored(j).recordsOverrideReason).isNull();
        JsonNode event = caseEvent(j, CaseEvents.RECORDS_COMPLETED);
        assertThat(event.get("overrideReason").isNull()).isTrue();
        assertThat(event.get("overriddenItems")).isEmpty();
        assertThat(event.get("completedAt").asText()).isNotBlank();
    }

    @Test
    void overrideWithAReasonIsRecordedPublishedAndShownInTheTimeline() {
        Journey j = Journey.collectingRecords();
        Journey.checklist(j.caseId, j.tenant, 1, false, OPEN);
        String reason = "The outside MRI cannot be obtained; the specialists agreed to review the CT instead";
        complete(j, Map.of("overrideReason", reason)).statusCode(200).body("state", equalTo("READY_FOR_REVIEW"))
                .body("recordsCompletedAt", notNullValue());
        SmoCase c = stored(j);
        assertThat(c.recordsOverrideReason).isEqualTo(reason);
        assertThat(c.recordsOverriddenItems).containsExactly("IMAGING", "LAB_RESULTS");

        JsonNode event = caseEvent(j, CaseEvents.RECORDS_COMPLETED);
        assertThat(event.get("overrideReason").asText()).isEqualTo(reason);
        assertThat(event.get("overriddenItems")).extracting(JsonNode::asText).containsExactly("IMAGING", "LAB_RESULTS");

        String note = "Records marked complete over open checklist items (IMAGING, LAB_RESULTS): " + reason;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(j.doctor).when().get("/api/v1/cases/{id}/timeline", j.caseId)
                        .then().statusCode(200)
                        .body("find { it.type == 'consilium.case.records-completed.v1' }.note", equalTo(note)));
        given().auth().oauth2(j.patient).when().get("/api/v1/cases/{id}/timeline", j.caseId)
                .then().body("find { it.type == 'consilium.case.records-completed.v1' }.note", equalTo(note));
        given().auth().oauth2(j.partner).when().get("/api/v1/cases/{id}/timeline", j.caseId)
                .then().statusCode(200)
                .body("type", hasItem("consilium.case.records-completed.v1"))
                .body("find { it.type == 'consilium.case.records-completed.v1' }.note", nullValue());
        given().auth().oauth2(io.consilium.platform.testing.Tokens.ops("olivia")).when()
                .get("/api/v1/cases/{id}/timeline", j.caseId)
                .then().body("find { it.type == 'consilium.case.records-completed.v1' }.note", nullValue());
    }

    @Test
    void theSameChecklistEventDeliveredTwiceIsAppliedOnceAndAForeignTenantsIsRefused() {
        Journey j = Journey.collectingRecords();
        UUID id = Journey.checklist(j.caseId, j.tenant, 1, false, OPEN);
        try (KafkaCompanion kafka = Broker.companion()) {
            // the same event id again, now claiming a settled checklist: the inbox skips it
            Broker.publish(kafka, "consilium.document.events", id, "consilium.document.checklist-changed.v1", j.caseId,
                    j.tenant, """
                            {"caseId":"%s","tenant":"%s","revision":7,"complete":true,"openItems":[],"changedAt":"2026-12-01T10:00:00Z"}"""
                            .formatted(j.caseId, j.tenant));
            // another tenant's event about this case: a broken contract, never applied
            Broker.publish(kafka, "consilium.document.events", "consilium.document.checklist-changed.v1", j.caseId,
                    "t-other", """
                            {"caseId":"%s","tenant":"t-other","revision":8,"complete":true,"openItems":[],"changedAt":"2026-12-01T10:00:00Z"}"""
                            .formatted(j.caseId));
        }
        // a later event of the right tenant passes after both (same partition, in order)
        Journey.checklist(j.caseId, j.tenant, 2, false, OPEN);
        complete(j, null).statusCode(409).body("reason", equalTo("CHECKLIST_OPEN"));
    }

    private static void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) SmoCase.getEntityManager().createNativeQuery(
                                "select count(*) from inbox_event where consumer = 'case-progress' and event_id = ?1")
                        .setParameter(1, eventId).getSingleResult()).longValue() == 1));
    }

    private static io.restassured.response.ValidatableResponse complete(Journey j, Map<String, Object> body) {
        var request = given().auth().oauth2(j.doctor);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post("/api/v1/cases/{id}/records-complete", j.caseId).then();
    }

    private static long version(Journey j) {
        return given().auth().oauth2(j.doctor).when().get("/api/v1/cases/{id}", j.caseId).then()
                .extract().jsonPath().getLong("version");
    }

    private static SmoCase stored(Journey j) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SmoCase c = SmoCase.findById(UUID.fromString(j.caseId));
            if (c.recordsOverriddenItems != null) {
                c.recordsOverriddenItems.size();
            }
            return c;
        });
    }

    private static JsonNode caseEvent(Journey j, String type) {
        try (KafkaCompanion kafka = Broker.companion()) {
            List<ConsumerRecord<String, String>> records = Broker.readUntil(kafka, CaseEvents.TOPIC,
                    seen -> seen.stream().anyMatch(r -> j.caseId.equals(r.key()) && type.equals(Broker.header(r, "ce_type"))),
                    Duration.ofSeconds(30));
            return records.stream().filter(r -> j.caseId.equals(r.key()) && type.equals(Broker.header(r, "ce_type")))
                    .map(r -> Broker.json(r.value())).findFirst().orElseThrow();
        }
    }
}
