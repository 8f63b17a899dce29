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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The checklist from submission to completion: built from the specialty, extended by a record request,
 * items received by uploads and reviewed by the case manager, and checklist-completed published once.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ChecklistFlowTest {

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void builtFromTheSpecialtyExtendedByRequestsAndCompletedWhenAllRequiredAreAccepted() {
        CaseFacts facts = new CaseFacts(kafka).submittedAndAssigned("oncology");
        given().auth().oauth2(facts.patientToken()).when().get("/api/v1/cases/{id}/checklist", facts.caseId)
                .then().statusCode(200)
                .body("complete", equalTo(false))
                .body("items.code", contains("IMAGING", "PATHOLOGY_REPORT", "TREATMENT_HISTORY"))
                .body("items.state", contains("PENDING", "PENDING", "PENDING"));

        facts.recordsRequested("""
                [{"code":"GENETIC_TEST","label":"BRCA test result","required":true},
                 {"code":"PHOTOS","label":"Photos of the lesion","required":false}]""");
        // PHOTOS is the vocabulary's PHOTO (one code per record, see RecordKinds)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(facts.managerToken()).when().get("/api/v1/cases/{id}/checklist", facts.caseId)
                        .then().body("items.code", hasItem("PHOTO")));

        JsonPath checklist = checklist(facts);
        List<String> required = checklist.getList("items.findAll { it.required }.id");
        assertThat(required).hasSize(4);

        // Upload one document per required item; each becomes RECEIVED.
        long seed = 100;
        for (String itemId : required) {
            Map<String, String> metadata = Tus.metadata("record-" + seed + ".pdf", "application/pdf");
            metadata.put("checklistItemId", itemId);
            metadata.put("kind", "MEDICAL_REPORT");
            Tus.document(facts.patientToken(), facts.caseId, Fixtures.pdf(seed++), metadata);
        }
        assertThat(checklist(facts).getList("items.findAll { it.required }.state")).containsOnly("RECEIVED");

        // The patient may not review; a rejection needs a reason and names it.
        review(facts.patientToken(), facts, required.get(0), Map.of("decision", "ACCEPTED")).statusCode(403);
        review(facts.managerToken(), facts, required.get(0), Map.of("decision", "REJECTED"))
                .statusCode(400).contentType("application/problem+json");
        review(facts.managerToken(), facts, required.get(0), Map.of("decision", "REJECTED", "reason", "illegible scan"))
                .statusCode(200).body("state", equalTo("REJECTED")).body("reason", equalTo("illegible scan"));
        review(facts.managerToken(), facts, required.get(0), Map.of("decision", "ACCEPTED")).statusCode(409);

        Map<String, String> metadata = Tus.metadata("rescan.pdf", null);
        metadata.put("checklistItemId", required.get(0));
        Tus.document(facts.patientToken(), facts.caseId, Fixtures.pdf(999), metadata);
        for (String itemId : required) {
            review(facts.managerToken(), facts, itemId, Map.of("decision", "ACCEPTED")).statusCode(200);
        }
        given().auth().oauth2(facts.patientToken()).when().get("/api/v1/cases/{id}/checklist", facts.caseId)
                .then().body("complete", equalTo(true));

        List<ConsumerRecord<String, String>> events = Broker.readUntil(kafka, "consilium.document.events",
                seen -> seen.stream().anyMatch(r -> facts.caseId.equals(r.key())
                        && "consilium.document.checklist-completed.v1".equals(Broker.header(r, "ce_type"))),
                Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> mine = events.stream().filter(r -> facts.caseId.equals(r.key())).toList();
        assertThat(mine.stream().filter(r -> Broker.header(r, "ce_type").endsWith("checklist-completed.v1")))
                .as("published once").hasSize(1);
        assertThat(mine.stream().filter(r -> Broker.header(r, "ce_type").endsWith("uploaded.v1"))).hasSize(5);
        JsonNode rejected = mine.stream().filter(r -> Broker.header(r, "ce_type").endsWith("document.rejected.v1"))
                .map(r -> Broker.json(r.value())).findFirst().orElseThrow();
        assertThat(rejected.get("reason").asText()).isEqualTo("REVIEW");
        JsonNode uploaded = mine.stream().filter(r -> Broker.header(r, "ce_type").endsWith("uploaded.v1"))
                .map(r -> Broker.json(r.value())).findFirst().orElseThrow();
        assertThat(uploaded.get("caseId").asText()).isEqualTo(facts.caseId);
        assertThat(uploaded.get("tenant").asText()).isEqualTo(facts.tenant);
        assertThat(uploaded.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(uploaded.get("uploadedByRole").asText()).isEqualTo("patient");
        assertThat(uploaded.get("sha256").asText()).hasSize(64);
        assertThat(uploaded.get("checklistItemId").asText()).isIn(required);
        assertThat(uploaded.has("filename")).as("no file names in events").isFalse();
        ConsumerRecord<String, String> completed = mine.stream()
                .filter(r -> Broker.header(r, "ce_type").endsWith("checklist-completed.v1")).findFirst().orElseThrow();
        assertThat(Broker.header(completed, "ce_source")).isEqualTo("/document-service");
        assertThat(Broker.header(completed, "ce_tenant")).isEqualTo(facts.tenant);
        assertThat(Broker.json(completed.value()).get("completedAt").asText()).isNotBlank();
    }

    @Test
    void unknownSpecialtyGetsTheDefaultChecklist() {
        CaseFacts facts = new CaseFacts(kafka).submittedAndAssigned("dermatology");
        given().auth().oauth2(facts.patientToken()).when().get("/api/v1/cases/{id}/checklist", facts.caseId)
                .then().statusCode(200).body("items.code", contains("LAB_RESULTS", "MEDICAL_REPORT"));
    }

    @Test
    void anUploadThatNamesOnlyItsKindFillsTheItemForThatRecordWhileItCanStillReceiveOne() {
        CaseFacts facts = new CaseFacts(kafka).submittedAndAssigned("oncology");
        facts.recordsRequested("""
                [{"code":"LAB_RESULTS","label":"Tumour markers","required":true}]""");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(checklist(facts).getList("items.code", String.class)).contains("LAB_RESULTS"));

        // the app knows the kind (the upload vocabulary's LAB_RESULT), not the item id: the item is filled anyway
        Map<String, String> lab = Tus.metadata("markers.pdf", "application/pdf");
        lab.put("kind", "LAB_RESULT");
        String labDocument = Tus.document(facts.patientToken(), facts.caseId, Fixtures.pdf(501), lab);
        JsonPath after = checklist(facts);
        assertThat(after.getString("items.find { it.code == 'LAB_RESULTS' }.state")).isEqualTo("RECEIVED");
        assertThat(after.getString("items.find { it.code == 'LAB_RESULTS' }.documentId")).isEqualTo(labDocument);
        given().auth().oauth2(facts.managerToken()).when().get("/api/v1/documents/{id}", labDocument)
                .then().statusCode(200).body("checklistItemId", equalTo(after.getString("items.find { it.code == 'LAB_RESULTS' }.id")));

        // OTHER belongs to no item; and an accepted item takes no second record by kind
        Map<String, String> other = Tus.metadata("note.pdf", "application/pdf");
        other.put("kind", "OTHER");
        String otherDocument = Tus.document(facts.patientToken(), facts.caseId, Fixtures.pdf(502), other);
        given().auth().oauth2(facts.managerToken()).when().get("/api/v1/documents/{id}", otherDocument)
                .then().statusCode(200).body("checklistItemId", org.hamcrest.Matchers.nullValue());
        review(facts.managerToken(), facts, after.getString("items.find { it.code == 'LAB_RESULTS' }.id"),
                Map.of("decision", "ACCEPTED")).statusCode(200);
        String second = Tus.document(facts.patientToken(), facts.caseId, Fixtures.pdf(503), lab);
        given().auth().oauth2(facts.managerToken()).when().get("/api/v1/documents/{id}", second)
                .then().statusCode(200).body("checklistItemId", org.hamcrest.Matchers.nullValue());
        assertThat(checklist(facts).getString("items.find { it.code == 'LAB_RESULTS' }.documentId")).isEqualTo(labDocument);
    }

    @Test
    void aRecordSentBeforeTheDoctorsRequestArrivedTicksTheItemTheRequestMakes() {
        CaseFacts facts = new CaseFacts(kafka).submittedAndAssigned("dermatology"); // LAB_RESULTS, MEDICAL_REPORT
        // the photo is complete before any PHOTO item exists: a record without an item
        Map<String, String> photo = Tus.metadata("rash.pdf", "application/pdf");
        photo.put("kind", "PHOTO");
        String early = Tus.document(facts.patientToken(), facts.caseId, Fixtures.pdf(601), photo);
        // the second one's bytes are still on their way when the request's item is made
        Map<String, String> pathology = Tus.metadata("biopsy.pdf", "application/pdf");
        pathology.put("kind", "PATHOLOGY_REPORT");
        byte[] biopsy = Fixtures.pdf(602);
        String upload = Tus.created(facts.patientToken(), facts.caseId, biopsy.length, pathology);

        facts.recordsRequested("""
                [{"code":"PHOTO","label":"Photos of the rash","required":true},
                 {"code":"PATHOLOGY_REPORT","label":"Skin biopsy","required":true}]""");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(checklist(facts).getList("items.code", String.class)).contains("PHOTO", "PATHOLOGY_REPORT"));
        String late = Tus.patch(facts.patientToken(), upload, 0, biopsy).statusCode(204).extract().header("Document-Id");

        JsonPath after = checklist(facts);
        for (String[] expected : new String[][]{{"PHOTO", early}, {"PATHOLOGY_REPORT", late}}) {
            String item = "items.find { it.code == '" + expected[0] + "' }";
            assertThat(after.getString(item + ".state")).as(expected[0]).isEqualTo("RECEIVED");
            assertThat(after.getString(item + ".documentId")).as(expected[0]).isEqualTo(expected[1]);
            given().auth().oauth2(facts.managerToken()).when().get("/api/v1/documents/{id}", expected[1])
                    .then().statusCode(200).body("checklistItemId", equalTo(after.getString(item + ".id")));
        }
    }

    private static JsonPath checklist(CaseFacts facts) {
        return given().auth().oauth2(facts.managerToken()).when().get("/api/v1/cases/{id}/checklist", facts.caseId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static io.restassured.response.ValidatableResponse review(String token, CaseFacts facts, String itemId,
                                                                     Map<String, String> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/{caseId}/checklist/items/{itemId}/review", facts.caseId, itemId)
                .then();
    }
}
