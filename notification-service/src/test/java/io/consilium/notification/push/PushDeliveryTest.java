package io.consilium.notification.push;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.consilium.notification.service.PushDispatcher;
import io.consilium.notification.support.Backlog;
import io.consilium.notification.support.Db;
import io.consilium.notification.support.Events;
import io.consilium.notification.support.FcmStandIn;
import io.consilium.notification.support.MailAndDirectory;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.TestClock;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Push end to end: devices registered over the API, events on the real broker, the FCM HTTP v1 sender against the
 * WireMock stand-in of FCM ({@link FcmStandIn}), preferences and quiet hours on the tests' clock.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailAndDirectory.class)
@QuarkusTestResource(FcmStandIn.class)
class PushDeliveryTest {

    static final String DEVICES = "/api/v1/me/devices";

    @Inject
    Db db;
    @Inject
    TestClock clock;
    @Inject
    PushDispatcher dispatcher;

    @BeforeEach
    void afterTheBacklog() {
        Backlog.worked();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String register(String token, String deviceToken, int status) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("token", deviceToken, "platform", "ANDROID", "description", "phone"))
                .when().post(DEVICES).then().statusCode(status).extract().path("id");
    }

    static int devices(String token) {
        return given().auth().oauth2(token).when().get(DEVICES).then().statusCode(200).extract().path("total");
    }

    @Test
    void eachPersonRegistersListsAndRemovesOnlyTheirOwnDevices() {
        String subject = "p-" + UUID.randomUUID();
        String alice = Tokens.patient(subject, "t-1");
        String bob = Tokens.patient("p-" + UUID.randomUUID(), "t-1");
        String deviceToken = "dev-" + UUID.randomUUID() + "-a1b2c3";
        String id = register(alice, deviceToken, 201);
        assertThat(register(alice, deviceToken, 200)).isEqualTo(id);
        given().auth().oauth2(alice).when().get(DEVICES).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id)).body("items[0].tokenEnd", equalTo("a1b2c3"))
                .body("items[0].platform", equalTo("ANDROID"));
        assertThat(devices(bob)).isZero();
        given().auth().oauth2(bob).when().delete(DEVICES + "/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(devices(alice)).isEqualTo(1);

        // bad input: 400 problem+json naming the field, nothing stored
        Map<String, Map<String, Object>> bad = Map.of(
                "platform", Map.of("token", "dev-x", "platform", "NOKIA"),
                "token", Map.of("token", "has spaces in it", "platform", "IOS"),
                "token ", Map.of("platform", "IOS"),
                "token  ", Map.of("token", "x".repeat(4097), "platform", "WEB"));
        bad.forEach((field, body) -> given().auth().oauth2(bob).contentType(ContentType.JSON).body(body)
                .when().post(DEVICES).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field.trim())));
        assertThat(devices(bob)).isZero();
        given().auth().oauth2(Tokens.ops("ops-1")).when().get(DEVICES).then().statusCode(403);
        given().auth().oauth2(Tokens.partner("t-1")).contentType(ContentType.JSON)
                .body(Map.of("token", "dev-p", "platform", "WEB")).when().post(DEVICES).then().statusCode(403);

        given().auth().oauth2(alice).when().delete(DEVICES + "/{id}", id).then().statusCode(204);
        assertThat(devices(alice)).isZero();
        assertThat(db.count("select count(*) from device_token where subject = ?1", subject)).isZero();
    }

    @Test
    void aPushGoesOnceToEachDeviceInTheCasesLanguageAndAnUnregisteredTokenIsDropped() {
        String tenant = "t-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        String patient = "p-" + UUID.randomUUID();
        String token = Tokens.patient(patient, tenant);
        String phone = "dev-" + UUID.randomUUID();
        String oldTablet = "gone-" + UUID.randomUUID();
        String broken = "bad-" + UUID.randomUUID();
        register(token, phone, 201);
        register(token, oldTablet, 201);
        register(token, broken, 201);
        String ref = caseId.substring(0, 8).toUpperCase();
        try (KafkaCompanion kafka = Broker.companion()) {
            Events.submitted(kafka, caseId, tenant, patient); // es
            UUID requested = UUID.randomUUID();
            String json = "{\"caseId\":\"%s\",\"tenant\":\"%s\",\"items\":[]}".formatted(caseId, tenant);
            Broker.publish(kafka, Events.CASE_TOPIC, requested, "consilium.case.records-requested.v1", caseId, tenant, json);
            Broker.publish(kafka, Events.CASE_TOPIC, requested, "consilium.case.records-requested.v1", caseId, tenant, json);
            await().atMost(Duration.ofSeconds(30)).until(() -> FcmStandIn.sentTo(phone).size() == 1
                    && devices(token) == 1);
            LoggedRequest push = FcmStandIn.sentTo(phone).get(0);
            assertThat(push.getHeader("Authorization")).isEqualTo("Bearer " + FcmStandIn.ACCESS_TOKEN);
            assertThat(push.getBodyAsString()).contains("Se solicitan informes para su caso " + ref)
                    .contains("\"title\":\"Consilium\"").contains("\"caseId\":\"" + caseId + "\"");
            // the unregistered and the invalid tokens were tried once and dropped; the phone stays
            assertThat(FcmStandIn.sentTo(oldTablet)).hasSize(1);
            assertThat(FcmStandIn.sentTo(broken)).hasSize(1);
            given().auth().oauth2(token).when().get(DEVICES).then().body("items[0].tokenEnd",
                    equalTo(phone.substring(phone.length() - 6)));
            assertThat(db.count("select count(*) from delivery where event_id = ?1 and channel = 'PUSH'"
                    + " and status = 'DELIVERED'", requested)).isEqualTo(1);

            // a later event behind the duplicate: the duplicate pushed nothing, the dropped tokens get nothing
            Events.publish(kafka, Events.REPORT_TOPIC, "consilium.report.released.v1", caseId, tenant, "\"reports\":[]");
            await().atMost(Duration.ofSeconds(30)).until(() -> FcmStandIn.sentTo(phone).size() == 2);
            assertThat(FcmStandIn.sentTo(phone).get(1).getBodyAsString()).contains("Su segunda opinión " + ref + " está lista");
            assertThat(FcmStandIn.sentTo(oldTablet)).hasSize(1);
            assertThat(FcmStandIn.sentTo(broken)).hasSize(1);
        }
    }

    @Test
    void pushTurnedOffNoDeviceAndQuietHoursAreRespected() {
        String tenant = "t-" + UUID.randomUUID();
        String off = "p-" + UUID.randomUUID();
        String quiet = "p-" + UUID.randomUUID();
        String none = "p-" + UUID.randomUUID();
        String offPhone = "dev-" + UUID.randomUUID();
        String quietPhone = "dev-" + UUID.randomUUID();
        register(Tokens.patient(off, tenant), offPhone, 201);
        register(Tokens.patient(quiet, tenant), quietPhone, 201);
        given().auth().oauth2(Tokens.patient(off, tenant)).contentType(ContentType.JSON)
                .body(Map.of("email", true, "push", false)).when().put("/api/v1/me/notification-preferences")
                .then().statusCode(200);
        LocalTime now = clock.instant().atOffset(ZoneOffset.UTC).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        given().auth().oauth2(Tokens.patient(quiet, tenant)).contentType(ContentType.JSON)
                .body(Map.of("email", true, "push", true, "quietHours", Map.of("start", now.minusHours(1).toString(),
                        "end", now.plusHours(1).toString(), "timeZone", "UTC")))
                .when().put("/api/v1/me/notification-preferences").then().statusCode(200);
        try (KafkaCompanion kafka = Broker.companion()) {
            UUID[] requested = new UUID[3];
            String[] people = {off, quiet, none};
            for (int i = 0; i < 3; i++) {
                String caseId = UUID.randomUUID().toString();
                Events.submitted(kafka, caseId, tenant, people[i]);
                requested[i] = Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.records-requested.v1", caseId, tenant, "");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select count(*) from delivery where event_id = ?1"
                    + " and channel = 'PUSH' and status = 'SKIPPED' and last_error = 'push turned off by the recipient'",
                    requested[0]) == 1
                    && db.count("select count(*) from delivery where event_id = ?1 and channel = 'PUSH'"
                    + " and status = 'SKIPPED' and last_error = 'no device registered'", requested[2]) == 1
                    && db.count("select count(*) from delivery where event_id = ?1 and channel = 'PUSH'"
                    + " and status = 'PENDING' and attempts = 0 and next_attempt_at > ?2", requested[1],
                    java.sql.Timestamp.from(clock.instant().plus(Duration.ofMinutes(50)))) == 1);
            dispatcher.pollNow();
            assertThat(FcmStandIn.sentTo(offPhone)).isEmpty();
            assertThat(FcmStandIn.sentTo(quietPhone)).isEmpty();

            clock.advance(Duration.ofMinutes(125));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                dispatcher.pollNow();
                return FcmStandIn.sentTo(quietPhone).size() == 1;
            });
            assertThat(FcmStandIn.sentTo(offPhone)).isEmpty();
        }
    }
}
