package io.consilium.document.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.consilium.document.support.CaseFacts;
import io.consilium.document.support.Fixtures;
import io.consilium.document.support.Tus;
import io.consilium.platform.testing.Broker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Issue 12 item 5: the plan's template and the doctor's request make one checklist (no twin items, who asked kept),
 * an item is waived with a reason (audited, shown), and every change is published as checklist-changed with the
 * open required items, in revision order.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ChecklistMergeAndWaiverTest {

    private static final String CHANGED = "consilium.document.checklist-changed.v1";
    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void requestedTwinsMergeIntoTheTemplatesItemsAndKeepWhoAsked() {
        CaseFacts facts = new CaseFacts(kafka).submittedAndAssigned("urology");
        facts.recordsRequested("""
                [{"code":"LAB_RESULT","label":"PSA of the last 6 months","required":true},
                 {"code":"IMAGING_STUDIES","label":"Prostate MRI","required":true},
                 {"code":"GENETIC_TEST","label":"Germline test","required":false}]""");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> checklist(facts).then()
                .body("items.code", hasItem("GENETIC_TEST")));

        checklist(facts).then().statusCode(200)
                .body("items.code", contains("GENETIC_TEST", "IMAGING", "LAB_RESULTS", "PATHOLOGY_REPORT"))
                .body("items.find { it.code == 'LAB_RESULTS' }.sources", contains("SPECIALTY", "REQUEST"))
                .body("items.find { it.code == 'LAB_RESULTS' }.requestedBy", equalTo(facts.manager))
                .body("items.find { it.code == 'LAB_RESULTS' }.label", equalTo("PSA and other laboratory results"))
                .body("items.find { it.code == 'IMAGING' }.sources", contains("SPECIALTY", "REQUEST"))
                .body("items.find { it.code == 'PATHOLOGY_REPORT' }.sources", contains("SPECIALTY"))
                .body("items.find { it.code == 'GENETIC_TEST' }.sources", contains("REQUEST"))
                .body("items.find { it.code == 'GENETIC_TEST' }.required", equalTo(false))
                .body("openItems", containsInAnyOrder("IMAGING", "LAB_RESULTS", "PATHOLOGY_REPORT"));
    }

    @Test
    void waivedWithAReasonShownAuditedAndTheLastOpenItemCompletesTheChecklist() {
        CaseFacts facts = new CaseFacts(kafka).submittedAndAssigned("dermatology");
        JsonPath list = checklist(facts).then().statusCode(200).extract().jsonPath();
        String labs = list.getString("items.find { it.code == 'LAB_RESULTS' }.id");
        String report = list.getString("items.find { it.code == 'MEDICAL_REPORT' }.id");

        // refusals change nothing: no reason, the patient, a stale version
        waive(facts.managerToken(), facts, labs, Map.of()).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("reason"));
        waive(facts.managerToken(), facts, labs, Map.of("reason", " ")).statusCode(400);
        waive(facts.patientToken(), facts, labs, Map.of("reason", "not needed")).statusCode(403);
        given().auth().oauth2(facts.managerToken()).contentType(ContentType.JSON).header("If-Match", "\"99\"")
                .body(Map.of("reason", "not needed"))
                .when().post("/api/v1/cases/{c}/checklist/items/{i}/waiver", facts.caseId, labs)
                .then().statusCode(412);
        checklist(facts).then().body("items.find { it.code == 'LAB_RESULTS' }.state", equalTo("PENDING"));

        waive(facts.managerToken(), facts, labs, Map.of("reason", "No laboratory tests for this skin condition"))
                .statusCode(200)
                .body("state", equalTo("WAIVED"))
                .body("reason", equalTo("No laboratory tests for this skin condition"))
                .body("waivedBy", equalTo(facts.manager))
                .body("waivedAt", org.hamcrest.Matchers.notNullValue());
        waive(facts.managerToken(), facts, labs, Map.of("reason", "again")).statusCode(409);
        checklist(facts).then().body("openItems", contains("MEDICAL_REPORT")).body("complete", equalTo(false))
                .body("items.find { it.code == 'LAB_RESULTS' }.reason", equalTo("No laboratory tests for this skin condition"));

        Map<String, String> metadata = Tus.metadata("report.pdf", "application/pdf");
        metadata.put("checklistItemId", report);
        Tus.document(facts.patientToken(), facts.caseId, Fixtures.pdf(4242), metadata);
        given().auth().oauth2(facts.managerToken()).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPTED"))
                .when().post("/api/v1/cases/{c}/checklist/items/{i}/review", facts.caseId, report)
                .then().statusCode(200);
        checklist(facts).then().body("complete", equalTo(true)).body("openItems", org.hamcrest.Matchers.empty());

        List<ConsumerRecord<String, String>> events = Broker.readUntil(kafka, "consilium.document.events",
                seen -> seen.stream().filter(r -> facts.caseId.equals(r.key())
                        && CHANGED.equals(Broker.header(r, "ce_type"))).count() >= 4, Duration.ofSeconds(30));
        assertThat(events.stream().filter(r -> facts.caseId.equals(r.key())
                && "consilium.document.checklist-completed.v1".equals(Broker.header(r, "ce_type")))).hasSize(1);
        List<JsonNode> changes = events.stream()
                .filter(r -> facts.caseId.equals(r.key()) && CHANGED.equals(Broker.header(r, "ce_type")))
                .map(r -> Broker.json(r.value())).toList();
        // built, waived, document received, accepted
        assertThat(changes).extracting(c -> c.get("revision").asLong()).containsExactly(1L, 2L, 3L, 4L);
        JsonNode built = changes.get(0);
        assertThat(built.get("tenant").asText()).isEqualTo(facts.tenant);
        assertThat(built.get("complete").asBoolean()).isFalse();
        assertThat(built.get("openItems")).extracting(i -> i.get("code").asText() + ":" + i.get("state").asText())
                .containsExactlyInAnyOrder("LAB_RESULTS:PENDING", "MEDICAL_REPORT:PENDING");
        assertThat(changes.get(1).get("waivedItems")).extracting(JsonNode::asText).containsExactly("LAB_RESULTS");
        assertThat(changes.get(2).get("openItems")).extracting(i -> i.get("state").asText()).containsExactly("RECEIVED");
        assertThat(changes.get(3).get("complete").asBoolean()).isTrue();
        assertThat(changes.get(3).get("openItems")).isEmpty();
        assertThat(changes).allSatisfy(c -> assertThat(c.toString())
                .as("no waiver reasons (the doctor's free text) nor who asked in events")
                .doesNotContain("skin condition").doesNotContain(facts.manager));
        // every item of the one checklist, for the specialists' brief: id, code, kind, label, status
        JsonNode waived = changes.get(1).get("items");
        assertThat(waived).extracting(i -> i.get("code").asText() + ":" + i.get("kind").asText() + ":"
                        + i.get("state").asText() + ":" + i.get("status").asText())
                .containsExactlyInAnyOrder("LAB_RESULTS:RECORD:WAIVED:WAIVED", "MEDICAL_REPORT:RECORD:PENDING:REQUESTED");
        assertThat(waived).allSatisfy(i -> {
            assertThat(i.get("label").asText()).isNotBlank();
            assertThat(i.get("sources")).extracting(JsonNode::asText).containsExactly("SPECIALTY");
        });
        assertThat(waived).extracting(i -> i.get("itemId").asText()).contains(labs, report);
        assertThat(changes.get(3).get("items")).extracting(i -> i.get("code").asText() + ":" + i.get("status").asText())
                .containsExactlyInAnyOrder("LAB_RESULTS:WAIVED", "MEDICAL_REPORT:RECEIVED");

        List<JsonNode> audit = Broker.readUntil(kafka, "consilium.audit",
                        seen -> seen.stream().anyMatch(r -> facts.caseId.equals(r.key())
                                && Broker.json(r.value()).get("action").asText().equals("WAIVE")), Duration.ofSeconds(30))
                .stream().filter(r -> facts.caseId.equals(r.key())).map(r -> Broker.json(r.value()))
                .filter(a -> a.get("action").asText().equals("WAIVE")).toList();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("objectId").asText()).isEqualTo(labs);
        assertThat(audit.get(0).get("subject").asText()).isEqualTo(facts.manager);
        assertThat(audit.get(0).get("allowed").asBoolean()).isTrue();
    }

    @Test
    void aWaivedItemAskedForAgainAsRequiredIsOpenAgain() {
        CaseFacts facts = new CaseFacts(kafka).submittedAndAssigned("dermatology");
        String labs = checklist(facts).then().extract().jsonPath().getString("items.find { it.code == 'LAB_RESULTS' }.id");
        waive(facts.managerToken(), facts, labs, Map.of("reason", "none done")).statusCode(200);
        facts.recordsRequested("[{\"code\":\"LAB_RESULT\",\"label\":\"Allergy panel (IgE)\",\"required\":true}]");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> checklist(facts).then()
                .body("items.find { it.code == 'LAB_RESULTS' }.state", equalTo("PENDING"))
                .body("items.find { it.code == 'LAB_RESULTS' }.waivedBy", org.hamcrest.Matchers.nullValue())
                .body("openItems", containsInAnyOrder("LAB_RESULTS", "MEDICAL_REPORT")));
        checklist(facts).then().body("items.size()", equalTo(2));
    }

    private static io.restassured.response.Response checklist(CaseFacts facts) {
        return given().auth().oauth2(facts.managerToken()).when().get("/api/v1/cases/{id}/checklist", facts.caseId);
    }

    private static ValidatableResponse waive(String token, CaseFacts facts, String itemId, Map<String, String> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/{c}/checklist/items/{i}/waiver", facts.caseId, itemId)
                .then();
    }
}
