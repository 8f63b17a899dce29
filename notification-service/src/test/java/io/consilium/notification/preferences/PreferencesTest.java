package io.consilium.notification.preferences;

import io.consilium.notification.service.EmailDispatcher;
import io.consilium.notification.support.Backlog;
import io.consilium.notification.support.Db;
import io.consilium.notification.support.Events;
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
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * Each person's preferences over real HTTP, and what they do to real mail: quiet hours on the tests' clock, a
 * channel turned off, a language of their own.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(MailAndDirectory.class)
class PreferencesTest {

    static final String PATH = "/api/v1/me/notification-preferences";

    @Inject
    TestClock clock;
    @Inject
    EmailDispatcher dispatcher;
    @Inject
    Db db;

    @BeforeEach
    void afterTheBacklog() {
        Backlog.worked();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Map<String, Object> prefs(boolean email, boolean push, String language, Map<String, Object> quiet) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("push", push);
        body.put("language", language);
        body.put("quietHours", quiet);
        return body;
    }

    static Map<String, Object> quiet(String start, String end, String zone) {
        Map<String, Object> q = new HashMap<>();
        q.put("start", start);
        q.put("end", end);
        q.put("timeZone", zone);
        return q;
    }

    static void put(String token, Map<String, Object> body) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put(PATH).then().statusCode(200);
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void eachPersonReadsAndReplacesOnlyTheirOwnPreferences() {
        String alice = Tokens.patient("p-" + UUID.randomUUID(), "t-1");
        String bob = Tokens.caseManager("dr-" + UUID.randomUUID(), "t-1");
        given().auth().oauth2(alice).when().get(PATH).then().statusCode(200)
                .body("email", equalTo(true)).body("push", equalTo(true)).body("inbox", equalTo(true))
                .body("quietHours", nullValue()).body("language", nullValue());

        String defaults = given().auth().oauth2(alice).when().get(PATH).then().extract().header("ETag");
        String etag = given().auth().oauth2(alice).header("If-Match", defaults).contentType(ContentType.JSON)
                .body(prefs(false, true, "de", quiet("22:00", "07:00", "Europe/Madrid")))
                .when().put(PATH).then().statusCode(200).body("email", equalTo(false))
                .extract().header("ETag");
        given().auth().oauth2(alice).when().get(PATH).then().statusCode(200)
                .body("email", equalTo(false)).body("language", equalTo("de"))
                .body("quietHours.start", equalTo("22:00")).body("quietHours.end", equalTo("07:00"))
                .body("quietHours.timeZone", equalTo("Europe/Madrid"));
        // another person's are their own, untouched
        given().auth().oauth2(bob).when().get(PATH).then().statusCode(200)
                .body("email", equalTo(true)).body("language", nullValue());

        // the defaults' tag is stale once preferences are stored; so is the first version's after a change
        given().auth().oauth2(alice).header("If-Match", defaults).contentType(ContentType.JSON)
                .body(prefs(true, true, "en", null)).when().put(PATH)
                .then().statusCode(412).contentType("application/problem+json");
        put(alice, prefs(false, false, "de", null));
        given().auth().oauth2(alice).header("If-Match", etag).contentType(ContentType.JSON)
                .body(prefs(true, true, "en", null)).when().put(PATH)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(alice).when().get(PATH).then().body("language", equalTo("de")).body("push", equalTo(false));

        // ops' messages are the team's, a partner is a system: neither has personal preferences
        given().auth().oauth2(Tokens.ops("ops-1")).when().get(PATH).then().statusCode(403);
        given().auth().oauth2(Tokens.partner("t-1")).when().get(PATH).then().statusCode(403);
        given().when().get(PATH).then().statusCode(401);
    }

    @Test
    void badPreferencesAreRefusedWithProblemJsonAndChangeNothing() {
        String subject = "p-" + UUID.randomUUID();
        String token = Tokens.patient(subject, "t-1");
        put(token, prefs(true, false, "fr", quiet("21:00", "06:30", "Europe/Paris")));
        Map<String, Map<String, Object>> bad = new java.util.LinkedHashMap<>();
        bad.put("quietHours.timeZone", prefs(true, true, "en", quiet("22:00", "07:00", "Mars/Olympus")));
        bad.put("quietHours.end", prefs(true, true, "en", quiet("22:00", "22:00", "UTC")));
        bad.put("quietHours.start", prefs(true, true, "en", quiet("25:00", "07:00", "UTC")));
        bad.put("language", prefs(true, true, "it", null));
        Map<String, Object> noInbox = prefs(true, true, "en", null);
        noInbox.put("inbox", false);
        bad.put("inbox", noInbox);
        Map<String, Object> halfQuiet = prefs(true, true, "en", quiet("22:00", null, "UTC"));
        bad.put("quietHours.end ", halfQuiet);
        Map<String, Object> noEmail = prefs(true, true, "en", null);
        noEmail.remove("email");
        bad.put("email", noEmail);
        long version = db.count("select version from notification_preference where subject = ?1", subject);
        bad.forEach((field, body) -> given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(org.hamcrest.Matchers.endsWith(field.trim()))));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"email\":").when().put(PATH)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).when().get(PATH).then().statusCode(200)
                .body("language", equalTo("fr")).body("push", equalTo(false))
                .body("quietHours.timeZone", equalTo("Europe/Paris"));
        assertThat(db.count("select version from notification_preference where subject = ?1", subject)).isEqualTo(version);
    }

    @Test
    void quietHoursHoldARoutineMessageAndNotAnUrgentOne() {
        String tenant = "t-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        String doctor = "dr-" + UUID.randomUUID();
        MailAndDirectory.user(doctor, doctor + "@clinic.example", "en");
        // quiet from an hour ago to an hour from now on the service's clock, in the doctor's zone (UTC here)
        LocalTime now = clock.instant().atOffset(ZoneOffset.UTC).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        put(Tokens.caseManager(doctor, tenant), prefs(true, true, null,
                quiet(now.minusHours(1).toString(), now.plusHours(1).toString(), "UTC")));
        String ref = caseId.substring(0, 8).toUpperCase();
        try (KafkaCompanion kafka = Broker.companion()) {
            Events.submitted(kafka, caseId, tenant, "p-" + UUID.randomUUID());
            Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.manager-assigned.v1", caseId, tenant,
                    "\"managerId\":\"" + doctor + "\"");
            UUID routine = Events.publish(kafka, Events.REPORT_TOPIC, "consilium.report.submitted.v1", caseId, tenant,
                    "\"reportId\":\"%s\",\"version\":1".formatted(UUID.randomUUID()));
            Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.sla-status-changed.v1", caseId, tenant,
                    "\"kind\":\"REPORT\",\"status\":\"BREACHED\"");
            // the urgent breach arrives during the quiet hours
            await().atMost(Duration.ofSeconds(30)).until(() -> MailAndDirectory.mailTo(doctor).stream()
                    .anyMatch(m -> subject(m).equals("Case " + ref + ": deadline breached")));
            // the routine report waits, unsent and not failed, until the quiet hours end
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select count(*) from delivery where event_id = ?1"
                    + " and channel = 'EMAIL' and status = 'PENDING' and attempts = 0 and next_attempt_at > ?2",
                    routine, java.sql.Timestamp.from(clock.instant().plus(Duration.ofMinutes(50)))) == 1);
            dispatcher.pollNow();
            assertThat(MailAndDirectory.mailTo(doctor)).hasSize(1);

            // the quiet hours are over: the held message goes
            clock.advance(Duration.ofMinutes(125));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                dispatcher.pollNow();
                return MailAndDirectory.mailTo(doctor).size() == 2;
            });
            assertThat(MailAndDirectory.mailTo(doctor).stream().map(PreferencesTest::subject))
                    .contains("Case " + ref + ": a specialist report was submitted");
        }
    }

    @Test
    void aChannelTurnedOffSendsNothingAndTheChosenLanguageWinsOverTheCases() {
        String tenant = "t-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        String patient = "p-" + UUID.randomUUID();
        String token = Tokens.patient(patient, tenant);
        MailAndDirectory.user(patient, patient + "@patients.example", null);
        put(token, prefs(true, true, "de", null));
        String ref = caseId.substring(0, 8).toUpperCase();
        try (KafkaCompanion kafka = Broker.companion()) {
            Events.submitted(kafka, caseId, tenant, patient); // the case says es
            Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.records-requested.v1", caseId, tenant, "");
            await().atMost(Duration.ofSeconds(30)).until(() -> MailAndDirectory.mailTo(patient).size() == 1);
            assertThat(subject(MailAndDirectory.mailTo(patient).get(0))).startsWith("Ihre Zweitmeinung " + ref);
            given().auth().oauth2(token).when().get("/api/v1/me/notifications").then().statusCode(200)
                    .body("items[0].language", equalTo("de"));

            put(token, prefs(false, true, "de", null));
            UUID released = Events.publish(kafka, Events.REPORT_TOPIC, "consilium.report.released.v1", caseId, tenant,
                    "\"reports\":[]");
            await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select count(*) from delivery where event_id = ?1"
                    + " and channel = 'EMAIL' and status = 'SKIPPED'", released) == 1);
            assertThat(MailAndDirectory.mailTo(patient)).hasSize(1);
            // the inbox cannot be turned off: the item is there
            await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(token)
                    .when().get("/api/v1/me/notifications").then().extract().<Integer>path("total") == 2);
            List<String> failed = db.rows("select status, last_error from delivery where event_id = ?1 and channel = 'EMAIL'",
                    released).stream().map(r -> r[1].toString()).toList();
            assertThat(failed).containsExactly("e-mail turned off by the recipient");
        }
    }
}
