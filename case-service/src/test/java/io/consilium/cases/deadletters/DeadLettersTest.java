package io.consilium.cases.deadletters;

import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * What a consumer cannot apply is filed as a dead letter in the service's database, the partition moves on, and
 * ops list it, replay it once the cause is gone (applied exactly once) or discard it with a reason.
 */
@QuarkusTest
class DeadLettersTest {

    private static final String PATH = "/api/v1/ops/dead-letters";
    private static final String PROBLEM = "application/problem+json";
    private static final String TOPIC = "consilium.case.events";
    private static final String NOTICE = "consilium.platform.dead-letter-filed.v1";

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    FlakyConsumer consumer;

    private final KafkaCompanion kafka = Broker.companion();
    private final String ops = Tokens.ops("olivia-" + UUID.randomUUID());
    private final String tenant = "t-" + UUID.randomUUID();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aFailingEventIsFiledAndTheConsumerMovesOnThenOpsReplayItOnce() {
        UUID failing = UUID.randomUUID();
        consumer.failFor(failing);
        UUID event = publish(failing, failing);
        UUID later = UUID.randomUUID();
        publish(failing, later); // same key, same partition: applied only if the consumer got past the failure
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.appliedFor(later) == 1);

        String id = awaitOpen(failing)
                .body("items[0].eventId", equalTo(event.toString()))
                .body("items[0].consumer", equalTo(FlakyConsumer.NAME))
                .body("items[0].eventType", equalTo(FlakyConsumer.TYPE))
                .body("items[0].tenant", equalTo(tenant))
                .body("items[0].topic", equalTo(TOPIC))
                .body("items[0].offset", notNullValue())
                .body("items[0].attempts", equalTo(3))
                .body("items[0].contractBroken", equalTo(false))
                .body("items[0].error", containsString("downstream unavailable"))
                .body("items[0]", not(hasKey("payload")))
                .extract().path("items[0].id");
        assertThat(consumer.appliedFor(failing)).isZero();

        // still failing: the replay is refused, counted, and the entry stays open
        replay(id).statusCode(409).contentType(PROBLEM).body("detail", containsString("downstream unavailable"));
        get(id).body("status", equalTo("OPEN")).body("attempts", equalTo(4));
        assertThat(consumer.appliedFor(failing)).isZero();

        consumer.heal(failing);
        replay(id).statusCode(200).body("status", equalTo("REPLAYED")).body("resolvedAt", notNullValue())
                .body("resolvedBy", notNullValue());
        assertThat(consumer.appliedFor(failing)).isEqualTo(1);

        // a second replay, or a discard after it, changes nothing
        replay(id).statusCode(409).contentType(PROBLEM);
        discard(id, Map.of("reason", "too late")).statusCode(409).contentType(PROBLEM);
        get(id).body("status", equalTo("REPLAYED"));
        assertThat(consumer.appliedFor(failing)).isEqualTo(1);
    }

    @Test
    void anEventThatMeetsTheDatabaseAwayWaitsForItAndIsAppliedOnceWithoutADeadLetter() {
        // more tries than the consumer's three attempts: a restarting database is waited for, not counted
        UUID waiting = UUID.randomUUID();
        consumer.databaseAwayFor(waiting, 6);
        publish(waiting, waiting);
        UUID later = UUID.randomUUID();
        publish(waiting, later); // same key, same partition: after the waiting one, never before it
        await().atMost(Duration.ofSeconds(60)).until(() -> consumer.appliedFor(later) == 1);
        assertThat(consumer.appliedFor(waiting)).isEqualTo(1);
        given().auth().oauth2(ops).queryParam("caseId", waiting.toString()).when().get(PATH)
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void filingADeadLetterAnnouncesItToOpsWithoutPayloadCaseOrTenant() {
        UUID failing = UUID.randomUUID();
        consumer.failFor(failing);
        UUID event = publish(failing, failing);
        String id = awaitOpen(failing).extract().path("items[0].id");

        // written with the dead letter (its transaction), one notice, keyed by the entry and naming no tenant
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where type = ?1 and subject = ?2 and tenant is null")
                .setParameter(1, NOTICE).setParameter(2, id).getSingleResult()).longValue())).isEqualTo(1);
        var records = Broker.readUntil(kafka, "consilium.platform.events", rs -> rs.stream()
                .anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(30));
        var notice = records.stream().filter(r -> id.equals(r.key())).toList();
        assertThat(notice).hasSize(1);
        assertThat(Broker.header(notice.get(0), "ce_type")).isEqualTo(NOTICE);
        assertThat(Broker.header(notice.get(0), "ce_source")).isEqualTo("/case-service");
        assertThat(Broker.header(notice.get(0), "ce_tenant")).isNull();
        var payload = Broker.json(notice.get(0).value());
        assertThat(payload.get("deadLetterId").asText()).isEqualTo(id);
        assertThat(payload.get("service").asText()).isEqualTo("case-service");
        assertThat(payload.get("consumer").asText()).isEqualTo(FlakyConsumer.NAME);
        assertThat(payload.get("eventType").asText()).isEqualTo(FlakyConsumer.TYPE);
        assertThat(payload.get("eventId").asText()).isEqualTo(event.toString());
        assertThat(payload.get("reason").asText()).isEqualTo("FAILED");
        assertThat(payload.get("attempts").asInt()).isEqualTo(3);
        java.util.List<String> fields = new java.util.ArrayList<>();
        payload.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("deadLetterId", "service", "consumer", "eventType", "eventId",
                "reason", "errorType", "attempts", "filedAt");
        assertThat(notice.get(0).value()).doesNotContain(tenant).doesNotContain(failing.toString())
                .doesNotContain("downstream unavailable");
    }

    @Test
    void opsDiscardWithAReasonAndADiscardedLetterIsNotReplayed() {
        UUID failing = UUID.randomUUID();
        consumer.failFor(failing);
        publish(failing, failing);
        String id = awaitOpen(failing).extract().path("items[0].id");

        discard(id, Map.of("reason", " ")).statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", containsString("reason"));
        discard(id, Map.of()).statusCode(400).contentType(PROBLEM);
        get(id).body("status", equalTo("OPEN"));

        discard(id, Map.of("reason", "Test case removed by the partner")).statusCode(200)
                .body("status", equalTo("DISCARDED")).body("resolution", equalTo("Test case removed by the partner"));
        consumer.heal(failing);
        replay(id).statusCode(409).contentType(PROBLEM);
        assertThat(consumer.appliedFor(failing)).isZero();

        given().auth().oauth2(ops).queryParam("caseId", failing.toString()).queryParam("status", "DISCARDED")
                .when().get(PATH).then().statusCode(200).body("items", hasSize(1)).body("total", equalTo(1));
        given().auth().oauth2(ops).queryParam("caseId", failing.toString()).queryParam("status", "OPEN")
                .when().get(PATH).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void onlyOpsSeeDeadLettersAndBadFiltersAreRefused() {
        String patient = Tokens.patient("p-" + UUID.randomUUID(), tenant);
        given().when().get(PATH).then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(patient).when().get(PATH).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.partner(tenant)).when().get(PATH).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.caseManager("dr-" + UUID.randomUUID(), tenant))
                .when().post(PATH + "/{id}/replay", UUID.randomUUID()).then().statusCode(403).contentType(PROBLEM);

        given().auth().oauth2(ops).queryParam("status", "LOST").when().get(PATH)
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("status"));
        given().auth().oauth2(ops).queryParam("size", "x").when().get(PATH)
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("size"));
        given().auth().oauth2(ops).queryParam("caseId", "not-a-uuid").when().get(PATH)
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("caseId"));
        given().auth().oauth2(ops).when().get(PATH + "/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
        replay(UUID.randomUUID().toString()).statusCode(404).contentType(PROBLEM);
    }

    private UUID publish(UUID key, UUID caseId) {
        UUID id = UUID.randomUUID();
        Broker.publish(kafka, TOPIC, key.toString(), id, FlakyConsumer.TYPE, caseId.toString(), tenant, "{}");
        return id;
    }

    private ValidatableResponse awaitOpen(UUID caseId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(ops).queryParam("caseId", caseId.toString()).queryParam("status", "OPEN")
                        .when().get(PATH).then().statusCode(200).body("items", hasSize(1)));
        return given().auth().oauth2(ops).queryParam("caseId", caseId.toString()).queryParam("status", "OPEN")
                .when().get(PATH).then().statusCode(200);
    }

    private ValidatableResponse get(String id) {
        return given().auth().oauth2(ops).when().get(PATH + "/{id}", id).then().statusCode(200);
    }

    private ValidatableResponse replay(String id) {
        return given().auth().oauth2(ops).when().post(PATH + "/{id}/replay", id).then();
    }

    private ValidatableResponse discard(String id, Map<String, ?> body) {
        return given().auth().oauth2(ops).contentType(ContentType.JSON).body(body)
                .when().post(PATH + "/{id}/discard", id).then();
    }
}
