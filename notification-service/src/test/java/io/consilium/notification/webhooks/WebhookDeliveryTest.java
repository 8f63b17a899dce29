package io.consilium.notification.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.consilium.notification.service.WebhookDispatcher;
import io.consilium.notification.support.Backlog;
import io.consilium.notification.support.Db;
import io.consilium.notification.support.Events;
import io.consilium.notification.support.Receiver;
import io.consilium.notification.support.StandardWebhooksVerifier;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.TestClock;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Partner webhooks end to end: events on the real broker, deliveries from the real database, sent over real HTTP
 * to receivers on loopback, verified by an independent Standard Webhooks verifier.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class WebhookDeliveryTest {

    @BeforeEach
    void afterTheBacklog() {
        Backlog.worked();
    }

    static final String RELEASED = "consilium.report.released.v1";
    static final String SUBMITTED = "consilium.case.submitted.v1";
    static final String ENDPOINT_DISABLED = "consilium.notification.endpoint-disabled.v1";

    @Inject
    TestClock clock;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    Db db;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Endpoint(String id, String secret) {
    }

    static Endpoint register(String token, String url, List<String> types) {
        JsonPath body = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", types, "description", "test receiver"))
                .when().post("/api/v1/webhook-endpoints")
                .then().statusCode(201).extract().jsonPath();
        assertThat(body.getString("secret")).startsWith("whsec_");
        return new Endpoint(body.getString("id"), body.getString("secret"));
    }

    static String tenant() {
        return "t-" + UUID.randomUUID();
    }

    static void assertSigned(Receiver.Request r, String... secrets) {
        long sentAt = Long.parseLong(r.timestamp());
        for (String secret : secrets) {
            assertThat(StandardWebhooksVerifier.problem(secret, r.id(), r.timestamp(), r.signature(), r.body(), sentAt))
                    .as("signature of %s", r.id()).isNull();
        }
    }

    @Test
    void signedThinDeliveriesReachOnlyTheirOwnTenantsEndpoints() {
        String a = tenant();
        String b = tenant();
        String caseA = UUID.randomUUID().toString();
        String caseB = UUID.randomUUID().toString();
        try (Receiver receiverA = new Receiver(); Receiver receiverB = new Receiver(); KafkaCompanion kafka = Broker.companion()) {
            Endpoint endpointA = register(Tokens.partner(a), receiverA.url(), List.of(SUBMITTED, RELEASED));
            Endpoint endpointB = register(Tokens.partner(b), receiverB.url(), List.of(SUBMITTED, RELEASED));
            Events.submitted(kafka, caseA, a, "patient-a");
            Events.submitted(kafka, caseB, b, "patient-b");
            Events.released(kafka, UUID.randomUUID(), caseA, a);

            await().atMost(Duration.ofSeconds(20)).until(() -> receiverA.received().size() == 2 && receiverB.received().size() == 1);
            for (Receiver.Request r : receiverA.received()) {
                assertSigned(r, endpointA.secret());
                assertThat(StandardWebhooksVerifier.verifies(endpointB.secret(), r.id(), r.timestamp(), r.signature(),
                        r.body(), Long.parseLong(r.timestamp()))).isFalse();
                JsonNode body = Broker.json(r.body());
                assertThat(body.get("data").get("caseId").asText()).isEqualTo(caseA);
                assertThat(fieldNames(body)).containsExactlyInAnyOrder("type", "timestamp", "data");
                assertThat(fieldNames(body.get("data"))).isSubsetOf("caseId", "state", "eventId");
                // thin: no clinical content, no people, nothing of the report
                assertThat(r.body()).doesNotContain("patient-a", "M-77", "C61", "CHANGED", "surgery", "prof-eva",
                        "urology", "diagnosis");
            }
            assertThat(receiverA.received()).extracting(r -> Broker.json(r.body()).get("type").asText())
                    .containsExactlyInAnyOrder(SUBMITTED, RELEASED);
            JsonNode releasedBody = receiverA.received().stream().map(r -> Broker.json(r.body()))
                    .filter(j -> j.get("type").asText().equals(RELEASED)).findFirst().orElseThrow();
            assertThat(releasedBody.get("data").get("state").asText()).isEqualTo("REPORT_DELIVERED");
            assertThat(receiverB.received().get(0).body()).contains(caseB).doesNotContain(caseA);

            // the delivery log: the partner's own endpoint only; another tenant's answers 404 like an unknown id
            given().auth().oauth2(Tokens.partner(a)).when().get("/api/v1/webhook-endpoints/{id}/deliveries", endpointA.id())
                    .then().statusCode(200).body("total", equalTo(2)).body("items.status", hasItem("DELIVERED"));
            given().auth().oauth2(Tokens.partner(b)).when().get("/api/v1/webhook-endpoints/{id}/deliveries", endpointA.id())
                    .then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(Tokens.partner(b)).when().get("/api/v1/webhook-endpoints/{id}", endpointA.id())
                    .then().statusCode(404);
            List<String> seenByB = given().auth().oauth2(Tokens.partner(b)).when().get("/api/v1/webhook-endpoints?size=100")
                    .then().statusCode(200).extract().jsonPath().getList("items.tenant");
            assertThat(seenByB).containsOnly(b);
            given().auth().oauth2(Tokens.ops("ops-1")).queryParam("tenant", a).when().get("/api/v1/webhook-endpoints")
                    .then().statusCode(200).body("items.id", hasItem(endpointA.id())).body("items.secret", hasItem((Object) null));
            given().auth().oauth2(Tokens.patient("patient-a", a)).when().get("/api/v1/webhook-endpoints")
                    .then().statusCode(403);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aDuplicatedEventSendsNothingTwice() throws Exception {
        String t = tenant();
        String caseId = UUID.randomUUID().toString();
        try (Receiver receiver = new Receiver(); KafkaCompanion kafka = Broker.companion()) {
            register(Tokens.partner(t), receiver.url(), List.of(RELEASED));
            UUID eventId = UUID.randomUUID();
            Events.released(kafka, eventId, caseId, t);
            Events.released(kafka, eventId, caseId, t);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 1);
            // a second event of the case behind the duplicate shows the consumer has passed it
            Events.submitted(kafka, UUID.randomUUID().toString(), t, null);
            Events.released(kafka, UUID.randomUUID(), caseId, t);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 2);
            Thread.sleep(500);
            assertThat(receiver.received()).hasSize(2);
            assertThat(db.count("select count(*) from delivery where event_id = ?1", eventId)).isEqualTo(1);
        }
    }

    @Test
    void aFailingDeliveryIsRetriedOnTheScheduleForMoreThanADayThenDeadAndReplayedWithItsId() {
        String t = tenant();
        String caseId = UUID.randomUUID().toString();
        try (Receiver receiver = new Receiver().answering(r -> new Receiver.Answer(500, null, 0, "boom"));
             KafkaCompanion kafka = Broker.companion()) {
            Endpoint endpoint = register(Tokens.partner(t), receiver.url(), List.of(RELEASED));
            UUID eventId = Events.released(kafka, UUID.randomUUID(), caseId, t);
            await().atMost(Duration.ofSeconds(20)).until(() -> attempts(eventId) == 1);
            Instant start = clock.instant();
            List<Duration> waits = new java.util.ArrayList<>();
            for (int attempt = 2; attempt <= 8; attempt++) {
                Instant next = nextAttemptAt(eventId);
                Instant last = lastAttemptAt(eventId);
                waits.add(Duration.between(last, next));
                // not due a moment before its time
                clock.advance(Duration.between(clock.instant(), next).minusSeconds(2));
                dispatcher.pollNow();
                assertThat(attempts(eventId)).isEqualTo(attempt - 1);
                clock.advance(Duration.ofSeconds(3));
                dispatcher.pollNow();
                int expected = attempt;
                await().atMost(Duration.ofSeconds(10)).until(() -> attempts(eventId) == expected);
            }
            assertThat(status(eventId)).isEqualTo("DEAD");
            assertThat(Duration.between(start, clock.instant())).isGreaterThanOrEqualTo(Duration.ofHours(24));
            // exponential with jitter of at most 10 %: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h
            List<Duration> nominal = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                    Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
            for (int i = 0; i < nominal.size(); i++) {
                long n = nominal.get(i).toMillis();
                assertThat(waits.get(i).toMillis()).as("wait %d", i + 1).isBetween((long) (n * 0.9) - 1000, (long) (n * 1.1) + 1000);
            }
            assertThat(receiver.received()).hasSize(8).extracting(Receiver.Request::id).containsOnly(deliveryId(eventId));
            receiver.received().forEach(r -> assertSigned(r, endpoint.secret()));

            // ops are told: the failed event, through the outbox
            String deliveryId = deliveryId(eventId);
            Broker.readUntil(kafka, "consilium.notification.events", records -> records.stream()
                    .anyMatch(r -> "consilium.notification.failed.v1".equals(Broker.header(r, "ce_type"))
                            && Broker.json(r.value()).path("notificationId").asText().equals(deliveryId)
                            && Broker.json(r.value()).path("attempts").asInt() == 8
                            && Broker.json(r.value()).path("reason").asText().equals("HTTP 500")), Duration.ofSeconds(20));

            // the log shows every attempt: status, latency, the start of the answer
            JsonPath log = given().auth().oauth2(Tokens.partner(t))
                    .when().get("/api/v1/webhook-endpoints/{id}/deliveries/{d}", endpoint.id(), deliveryId)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(log.getList("attemptLog.status", Integer.class)).hasSize(8).containsOnly(500);
            assertThat(log.getList("attemptLog.response", String.class)).containsOnly("boom");
            assertThat(log.getString("lastError")).isEqualTo("HTTP 500");

            receiver.answering(r -> Receiver.Answer.of(204));
            given().auth().oauth2(Tokens.partner(t)).when()
                    .post("/api/v1/webhook-endpoints/{id}/deliveries/{d}/replay", endpoint.id(), deliveryId)
                    .then().statusCode(202).body("status", equalTo("PENDING"));
            await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(status(eventId)));
            assertThat(receiver.received()).hasSize(9).extracting(Receiver.Request::id).containsOnly(deliveryId);
            // a delivered one is not replayed while... it is delivered: replay is allowed again, by ops too
            given().auth().oauth2(Tokens.partner(tenant())).when()
                    .post("/api/v1/webhook-endpoints/{id}/deliveries/{d}/replay", endpoint.id(), deliveryId)
                    .then().statusCode(404);
            int replayed = given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON)
                    .body(Map.of("since", start.minusSeconds(3600).toString()))
                    .when().post("/api/v1/webhook-endpoints/{id}/replay", endpoint.id())
                    .then().statusCode(202).extract().path("replayed");
            assertThat(replayed).isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 10);
        }
    }

    @Test
    void aHangingEndpointDoesNotDelayAnother() {
        String t = tenant();
        try (Receiver hanging = new Receiver().answering(r -> new Receiver.Answer(200, null, 8_000, "late"));
             Receiver fast = new Receiver(); KafkaCompanion kafka = Broker.companion()) {
            Endpoint slow = register(Tokens.partner(t), hanging.url(), List.of(SUBMITTED));
            Endpoint quick = register(Tokens.partner(t), fast.url(), List.of(SUBMITTED));
            for (int i = 0; i < 12; i++) {
                Events.submitted(kafka, UUID.randomUUID().toString(), t, null);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> fast.received().size() == 12);
            // from each delivery's commit to its arrival: the fast endpoint waits for nothing, while the hanging one has
            // at most 4 requests out (each cut at the 2 s read timeout) and the rest of its deliveries wait their turn
            Map<String, Instant> arrived = new java.util.HashMap<>();
            fast.received().forEach(r -> arrived.put(r.id(), r.at()));
            Duration worstFast = Duration.ZERO;
            for (Object[] row : db.rows("select id, created_at from delivery where recipient = ?1", quick.id())) {
                Duration wait = Duration.between(instant(row[1]), arrived.get(String.valueOf(row[0])));
                worstFast = wait.compareTo(worstFast) > 0 ? wait : worstFast;
            }
            assertThat(worstFast).isLessThan(Duration.ofMillis(1500));
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                    "select count(*) from webhook_attempt where endpoint_id = ?1", UUID.fromString(slow.id())) >= 4);
            assertThat(db.count("select count(*) from webhook_attempt where endpoint_id = ?1 and error = 'timed out'",
                    UUID.fromString(slow.id()))).isGreaterThanOrEqualTo(4);
            assertThat(db.count("select count(*) from delivery where recipient = ?1 and status = 'DELIVERED'", quick.id()))
                    .isEqualTo(12);
        }
    }

    @Test
    void aHangingEndpointsBacklogStaysInTheDatabaseWhileOthersAreSent() {
        String t = tenant();
        try (Receiver hanging = new Receiver().answering(r -> new Receiver.Answer(200, null, 8_000, "late"));
             Receiver fast = new Receiver(); KafkaCompanion kafka = Broker.companion()) {
            Endpoint slow = register(Tokens.partner(t), hanging.url(), List.of(SUBMITTED));
            register(Tokens.partner(t), fast.url(), List.of(SUBMITTED));
            for (int i = 0; i < 40; i++) {
                Events.submitted(kafka, UUID.randomUUID().toString(), t, null);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> fast.received().size() == 40);
            // a claimed row's next attempt is pushed to the end of its lease: at most 4 out and 12 queued per request
            // slot are claimed for the hanging endpoint, the rest wait in the database where another instance (or a
            // later round) finds them, instead of piling up in this sender until no round has room for anyone
            long claimed = db.count("select count(*) from delivery where recipient = ?1 and status = 'PENDING' "
                    + "and next_attempt_at > now() + interval '20 seconds'", slow.id());
            assertThat(claimed).isBetween(1L, 16L);
            assertThat(db.count("select count(*) from delivery where recipient = ?1", slow.id())).isEqualTo(40);
        }
    }

    @Test
    void urlsToPrivateAddressesAreRefusedAndRedirectsNotFollowed() {
        String t = tenant();
        long before = db.count("select count(*) from webhook_endpoint");
        for (String url : List.of("https://10.0.0.1/hook", "https://169.254.169.254/latest/meta-data/",
                "http://[::ffff:10.0.0.1]/hook", "https://192.168.1.1/", "ftp://127.0.0.1/")) {
            given().auth().oauth2(Tokens.partner(t)).contentType(ContentType.JSON)
                    .body(Map.of("url", url, "eventTypes", List.of(RELEASED)))
                    .when().post("/api/v1/webhook-endpoints")
                    .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("url"));
        }
        assertThat(db.count("select count(*) from webhook_endpoint")).isEqualTo(before);
        given().auth().oauth2(Tokens.partner(t)).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:1/", "eventTypes", List.of("consilium.specialist.invited.v1")))
                .when().post("/api/v1/webhook-endpoints")
                .then().statusCode(400).body("violations[0].field", equalTo("eventTypes"));

        try (Receiver redirecting = new Receiver().answering(r -> new Receiver.Answer(302, "http://10.0.0.1/steal", 0, ""));
             KafkaCompanion kafka = Broker.companion()) {
            Endpoint endpoint = register(Tokens.partner(t), redirecting.url(), List.of(RELEASED));
            UUID eventId = Events.released(kafka, UUID.randomUUID(), UUID.randomUUID().toString(), t);
            await().atMost(Duration.ofSeconds(20)).until(() -> attempts(eventId) == 1);
            assertThat(status(eventId)).isEqualTo("RETRYING");
            JsonPath log = given().auth().oauth2(Tokens.partner(t))
                    .when().get("/api/v1/webhook-endpoints/{id}/deliveries/{d}", endpoint.id(), deliveryId(eventId))
                    .then().statusCode(200).extract().jsonPath();
            assertThat(log.getString("lastError")).contains("redirects are not followed");
            assertThat(log.getList("attemptLog.status", Integer.class)).containsExactly(302);
            assertThat(redirecting.received()).hasSize(1);
        }
    }

    @Test
    void aRotatedSecretSignsNextToThePreviousOneDuringTheOverlapAndAPingIsSignedAndLogged() {
        String t = tenant();
        try (Receiver receiver = new Receiver()) {
            Endpoint endpoint = register(Tokens.partner(t), receiver.url(), List.of(RELEASED));
            String etag = given().auth().oauth2(Tokens.partner(t)).when().get("/api/v1/webhook-endpoints/{id}", endpoint.id())
                    .then().statusCode(200).body("secret", equalTo(null)).extract().header("ETag");
            given().auth().oauth2(Tokens.partner(t)).header("If-Match", "\"99\"")
                    .when().post("/api/v1/webhook-endpoints/{id}/rotate-secret", endpoint.id()).then().statusCode(412);
            String fresh = given().auth().oauth2(Tokens.partner(t)).header("If-Match", etag)
                    .when().post("/api/v1/webhook-endpoints/{id}/rotate-secret", endpoint.id())
                    .then().statusCode(200).extract().path("secret");
            assertThat(fresh).startsWith("whsec_").isNotEqualTo(endpoint.secret());

            String pingId = given().auth().oauth2(Tokens.partner(t))
                    .when().post("/api/v1/webhook-endpoints/{id}/ping", endpoint.id())
                    .then().statusCode(202).extract().path("id");
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);
            Receiver.Request ping = receiver.received().get(0);
            assertThat(ping.id()).isEqualTo(pingId);
            assertThat(ping.signature().split(" ")).hasSize(2);
            assertSigned(ping, endpoint.secret(), fresh);
            assertThat(Broker.json(ping.body()).get("type").asText()).isEqualTo("consilium.webhook.ping.v1");

            // after the overlap only the new secret signs
            clock.advance(Duration.ofHours(25));
            given().auth().oauth2(Tokens.partner(t)).when().post("/api/v1/webhook-endpoints/{id}/ping", endpoint.id())
                    .then().statusCode(202);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
            Receiver.Request later = receiver.received().get(1);
            assertThat(later.signature().split(" ")).hasSize(1);
            assertSigned(later, fresh);
            given().auth().oauth2(Tokens.partner(t)).when().get("/api/v1/webhook-endpoints/{id}/deliveries", endpoint.id())
                    .then().statusCode(200).body("total", equalTo(2));
        }
    }

    @Test
    void anEndpointFailingForDaysIsDisabledItsDeliveriesHeldAndSentWhenEnabled() {
        String t = tenant();
        String other = tenant();
        try (Receiver receiver = new Receiver().answering(r -> Receiver.Answer.of(503)); Receiver monitor = new Receiver();
             Receiver othersMonitor = new Receiver(); KafkaCompanion kafka = Broker.companion()) {
            Endpoint endpoint = register(Tokens.partner(t), receiver.url(), List.of(RELEASED));
            // the partner's second endpoint, which wants to know; and another tenant's, which must not hear of it
            Endpoint watching = register(Tokens.partner(t), monitor.url(), List.of(ENDPOINT_DISABLED));
            register(Tokens.partner(other), othersMonitor.url(), List.of(ENDPOINT_DISABLED));
            UUID eventId = Events.released(kafka, UUID.randomUUID(), UUID.randomUUID().toString(), t);
            await().atMost(Duration.ofSeconds(20)).until(() -> attempts(eventId) == 1);
            clock.advance(Duration.ofDays(5).plusMinutes(1));
            dispatcher.pollNow();
            await().atMost(Duration.ofSeconds(10)).until(() -> "HELD".equals(status(eventId)));

            // the partner is told on its other endpoint, signed with that endpoint's secret, thin (which endpoint)
            await().atMost(Duration.ofSeconds(10)).until(() -> monitor.received().size() == 1);
            Receiver.Request notice = monitor.received().get(0);
            assertSigned(notice, watching.secret());
            JsonNode noticeBody = Broker.json(notice.body());
            assertThat(noticeBody.get("type").asText()).isEqualTo(ENDPOINT_DISABLED);
            assertThat(noticeBody.get("data").get("endpointId").asText()).isEqualTo(endpoint.id());
            assertThat(fieldNames(noticeBody.get("data"))).containsExactlyInAnyOrder("eventId", "endpointId");
            UUID noticeId = UUID.fromString(noticeBody.get("data").get("eventId").asText());
            // ops' inbox and mail; the event on the topic, keyed by the endpoint
            assertThat(db.count("select count(*) from delivery where event_id = ?1 and recipient = 'ops'"
                    + " and channel in ('INBOX', 'EMAIL') and payload = ?2", noticeId, t + " / " + endpoint.id())).isEqualTo(2);
            assertThat(db.count("select count(*) from outbox_event where event_id = ?1 and type = ?2 and subject = ?3",
                    noticeId, ENDPOINT_DISABLED, endpoint.id())).isEqualTo(1);
            assertThat(othersMonitor.received()).isEmpty();
            // the partner's view says when and why (the moved clock's instant of the disabling attempt)
            String disabledAt = given().auth().oauth2(Tokens.partner(t)).when()
                    .get("/api/v1/webhook-endpoints/{id}", endpoint.id())
                    .then().statusCode(200).body("enabled", equalTo(false))
                    .body("disabledReason", org.hamcrest.Matchers.containsString("failed since"))
                    .extract().path("disabledAt");
            assertThat(java.time.Instant.parse(disabledAt)).isAfterOrEqualTo(clock.instant().minus(Duration.ofMinutes(1)))
                    .isBeforeOrEqualTo(clock.instant());
            // a disabled endpoint gets no new deliveries
            UUID later = Events.released(kafka, UUID.randomUUID(), UUID.randomUUID().toString(), t);
            Events.submitted(kafka, UUID.randomUUID().toString(), t, null);
            await().atMost(Duration.ofSeconds(20)).until(() -> db.count(
                    "select count(*) from inbox_event where event_id = ?1", later) == 1);
            assertThat(db.count("select count(*) from delivery where event_id = ?1", later)).isZero();
            given().auth().oauth2(Tokens.partner(t)).when().post("/api/v1/webhook-endpoints/{id}/ping", endpoint.id())
                    .then().statusCode(409);

            receiver.answering(r -> Receiver.Answer.of(200));
            given().auth().oauth2(Tokens.partner(t)).when().post("/api/v1/webhook-endpoints/{id}/enable", endpoint.id())
                    .then().statusCode(200).body("enabled", equalTo(true));
            await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(status(eventId)));
            given().auth().oauth2(Tokens.partner(t)).when().post("/api/v1/webhook-endpoints/{id}/enable", endpoint.id())
                    .then().statusCode(409).contentType("application/problem+json");
        }
    }

    @Test
    void anEndpointDisabledByOpsIsAnnouncedToThePartnersOtherEndpoints() {
        String t = tenant();
        try (Receiver receiver = new Receiver(); Receiver monitor = new Receiver()) {
            Endpoint endpoint = register(Tokens.partner(t), receiver.url(), List.of(RELEASED));
            register(Tokens.partner(t), monitor.url(), List.of(ENDPOINT_DISABLED, RELEASED));
            given().auth().oauth2(Tokens.ops("ops-1")).when().post("/api/v1/webhook-endpoints/{id}/disable", endpoint.id())
                    .then().statusCode(200).body("enabled", equalTo(false));
            await().atMost(Duration.ofSeconds(10)).until(() -> monitor.received().size() == 1);
            JsonNode body = Broker.json(monitor.received().get(0).body());
            assertThat(body.get("data").get("endpointId").asText()).isEqualTo(endpoint.id());
            assertThat(receiver.received()).isEmpty();
            // disabled once, told once: a second disabling is refused and announces nothing
            given().auth().oauth2(Tokens.ops("ops-1")).when().post("/api/v1/webhook-endpoints/{id}/disable", endpoint.id())
                    .then().statusCode(409).contentType("application/problem+json");
            assertThat(db.count("select count(*) from outbox_event where type = ?1 and subject = ?2", ENDPOINT_DISABLED,
                    endpoint.id())).isEqualTo(1);
        }
    }

    private long attempts(UUID eventId) {
        return db.count("select coalesce(max(attempts), -1) from delivery where event_id = ?1 and channel = 'WEBHOOK'", eventId);
    }

    private String status(UUID eventId) {
        List<Object[]> rows = db.rows("select status, id from delivery where event_id = ?1 and channel = 'WEBHOOK'", eventId);
        return rows.isEmpty() ? null : String.valueOf(rows.get(0)[0]);
    }

    private String deliveryId(UUID eventId) {
        return String.valueOf(db.rows("select id, status from delivery where event_id = ?1 and channel = 'WEBHOOK'", eventId)
                .get(0)[0]);
    }

    private Instant nextAttemptAt(UUID eventId) {
        return instant(db.rows("select next_attempt_at, id from delivery where event_id = ?1 and channel = 'WEBHOOK'", eventId)
                .get(0)[0]);
    }

    private Instant lastAttemptAt(UUID eventId) {
        return instant(db.rows("select max(a.attempted_at), count(*) from webhook_attempt a join delivery d on d.id = a.delivery_id"
                + " where d.event_id = ?1", eventId).get(0)[0]);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("not a time: " + value);
    }
}
