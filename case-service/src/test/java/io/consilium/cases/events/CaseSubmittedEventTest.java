package io.consilium.cases.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.platform.testing.Broker;
import io.consilium.cases.support.Coverage;
import io.consilium.cases.support.Intakes;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.consilium.cases.support.CaseApi.openAndSubmit;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

/** Submitting a case publishes a CloudEvent on the real topic, keyed by case id, and feeds the timeline. */
@QuarkusTest
class CaseSubmittedEventTest {

    private final KafkaCompanion kafka = Broker.companion();
    private final ObjectMapper json = new ObjectMapper();
    private final String tenant = "t-" + UUID.randomUUID();

    @BeforeEach
    void coverMembers() {
        Coverage.covered(tenant, "M-900", "M-901", "M-902", "M-903");
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void submittedEventArrivesWithCloudEventHeadersAndCaseIdKey() throws Exception {
        String caseId = openAndSubmit(Tokens.partner(tenant), Intakes.valid("M-900"));

        List<ConsumerRecord<String, String>> records = Broker.readUntil(kafka, CaseEvents.TOPIC,
                seen -> seen.stream().anyMatch(r -> caseId.equals(r.key())), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> mine = records.stream().filter(r -> caseId.equals(r.key())).toList();
        assertThat(mine).hasSize(1);
        ConsumerRecord<String, String> record = mine.get(0);

        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_type")).isEqualTo("consilium.case.submitted.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/case-service");
        assertThat(header(record, "ce_subject")).isEqualTo(caseId);
        assertThat(header(record, "ce_tenant")).isEqualTo(tenant);
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
        assertThat(OffsetDateTime.parse(header(record, "ce_time"))).isNotNull();
        assertThat(header(record, "content-type")).isEqualTo("application/json");

        JsonNode value = json.readTree(record.value());
        assertThat(value.get("caseId").asText()).isEqualTo(caseId);
        assertThat(value.get("tenant").asText()).isEqualTo(tenant);
        assertThat(value.get("memberId").asText()).isEqualTo("M-900");
        assertThat(value.get("requestedSpecialty").asText()).isEqualTo("urology");
        assertThat(value.get("diagnosisIcd10").asText()).isEqualTo("C61");
        assertThat(value.get("preferredLanguage").asText()).isEqualTo("es");
        assertThat(value.get("submittedAt").asText()).isNotBlank();
        assertThat(value.get("openedByRole").asText()).isEqualTo("partner");
        assertThat(record.value()).as("no personal data or free text in the event")
                .doesNotContain("Ana Ruiz", "ana@example.org", "Gleason", "prostatectomy");
    }

    @Test
    void openingAndSubmittingAreAuditedInOrder() throws Exception {
        String caseId = openAndSubmit(Tokens.partner(tenant), Intakes.valid("M-901"));

        List<ConsumerRecord<String, String>> records = Broker.readUntil(kafka, "consilium.audit",
                seen -> seen.stream().filter(r -> caseId.equals(r.key())).count() >= 2, Duration.ofSeconds(30));
        List<JsonNode> audit = records.stream().filter(r -> caseId.equals(r.key()))
                .map(r -> parse(r.value())).toList();
        assertThat(audit).extracting(a -> a.get("action").asText()).containsExactly("CREATE", "SUBMIT");
        assertThat(audit).allSatisfy(a -> {
            assertThat(a.get("role").asText()).isEqualTo("partner");
            assertThat(a.get("allowed").asBoolean()).isTrue();
            assertThat(a.get("objectId").asText()).isEqualTo(caseId);
        });
    }

    @Test
    void refusedReadIsAuditedAsDenied() {
        String caseId = openAndSubmit(Tokens.partner(tenant), Intakes.valid("M-902"));
        given().auth().oauth2(Tokens.partner("intruder-" + UUID.randomUUID())).when().get("/api/v1/cases/{id}", caseId)
                .then().statusCode(404);

        List<ConsumerRecord<String, String>> records = Broker.readUntil(kafka, "consilium.audit",
                seen -> seen.stream().anyMatch(r -> caseId.equals(r.key()) && !parse(r.value()).get("allowed").asBoolean()),
                Duration.ofSeconds(30));
        JsonNode denied = records.stream().filter(r -> caseId.equals(r.key()))
                .map(r -> parse(r.value())).filter(a -> !a.get("allowed").asBoolean()).findFirst().orElseThrow();
        assertThat(denied.get("action").asText()).isEqualTo("READ");
        assertThat(denied.get("tenant").asText()).startsWith("intruder-");
    }

    @Test
    void submittedEventAppearsOnTheTimeline() {
        String token = Tokens.partner(tenant);
        String caseId = openAndSubmit(token, Intakes.valid("M-903"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/v1/cases/{id}/timeline", caseId)
                        .then().statusCode(200).body("type", hasItem(CaseEvents.SUBMITTED)));
    }

    private JsonNode parse(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
