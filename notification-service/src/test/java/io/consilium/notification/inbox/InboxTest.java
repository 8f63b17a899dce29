package io.consilium.notification.inbox;

import io.consilium.notification.support.Backlog;
import io.consilium.notification.support.Events;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The in-app inbox over real HTTP: own items only, newest first, unread count, mark read, the live stream. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class InboxTest {

    @BeforeEach
    void afterTheBacklog() {
        Backlog.worked();
    }

    @TestHTTPResource("/api/v1/me/notifications/stream")
    URI stream;

    static int unread(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/me/notifications/unread-count")
                .then().statusCode(200).extract().path("unread");
    }

    @Test
    void aPatientReadsOwnItemsNewestFirstMarksThemReadAndNobodyElseSeesThem() {
        String tenant = "t-" + UUID.randomUUID();
        String patient = "p-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        String token = Tokens.patient(patient, tenant);
        try (KafkaCompanion kafka = Broker.companion()) {
            Broker.publish(kafka, Events.CASE_TOPIC, "consilium.case.submitted.v1", caseId, tenant,
                    "{\"caseId\":\"%s\",\"tenant\":\"%s\",\"patientId\":\"%s\",\"preferredLanguage\":\"fr\"}"
                            .formatted(caseId, tenant, patient));
            Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.records-requested.v1", caseId, tenant, "");
            Events.publish(kafka, Events.REPORT_TOPIC, "consilium.report.released.v1", caseId, tenant, "\"reports\":[]");
            await().atMost(Duration.ofSeconds(30)).until(() -> unread(token) == 2);
        }
        String ref = caseId.substring(0, 8).toUpperCase();
        var list = given().auth().oauth2(token).when().get("/api/v1/me/notifications")
                .then().statusCode(200).body("total", equalTo(2)).extract().jsonPath();
        assertThat(list.getList("items.eventType")).containsExactly("consilium.report.released.v1",
                "consilium.case.records-requested.v1");
        // the case's language unless the app asks for another
        assertThat(list.getString("items[0].text")).isEqualTo("Votre second avis " + ref + " est prêt");
        given().auth().oauth2(token).queryParam("language", "de").when().get("/api/v1/me/notifications")
                .then().statusCode(200).body("items[0].text", equalTo("Ihre Zweitmeinung " + ref + " liegt vor"));
        String first = list.getString("items[0].id");

        // someone else, and the same subject in another tenant, see nothing and cannot mark it
        String other = Tokens.patient("p-" + UUID.randomUUID(), tenant);
        String sameSubjectElsewhere = Tokens.patient(patient, "t-other-" + UUID.randomUUID());
        for (String outsider : List.of(other, sameSubjectElsewhere, Tokens.caseManager(patient, tenant))) {
            given().auth().oauth2(outsider).when().get("/api/v1/me/notifications").then().statusCode(200).body("total", equalTo(0));
            given().auth().oauth2(outsider).when().post("/api/v1/me/notifications/{id}/read", first)
                    .then().statusCode(404).contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.partner(tenant)).when().get("/api/v1/me/notifications").then().statusCode(403);
        assertThat(unread(token)).isEqualTo(2);

        given().auth().oauth2(token).when().post("/api/v1/me/notifications/{id}/read", first).then().statusCode(204);
        given().auth().oauth2(token).when().post("/api/v1/me/notifications/{id}/read", first).then().statusCode(204);
        assertThat(unread(token)).isEqualTo(1);
        given().auth().oauth2(token).when().post("/api/v1/me/notifications/read-all").then().statusCode(200)
                .body("marked", equalTo(1));
        assertThat(unread(token)).isZero();
        given().auth().oauth2(token).when().post("/api/v1/me/notifications/{id}/read", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void newItemsArriveOnTheLiveStreamOfTheirOwnerOnly() throws Exception {
        String tenant = "t-" + UUID.randomUUID();
        String patient = "p-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        HttpClient http = HttpClient.newHttpClient();
        List<String> mine = new CopyOnWriteArrayList<>();
        List<String> theirs = new CopyOnWriteArrayList<>();
        var own = http.sendAsync(HttpRequest.newBuilder(stream)
                        .header("Authorization", "Bearer " + Tokens.patient(patient, tenant))
                        .header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        var other = http.sendAsync(HttpRequest.newBuilder(stream)
                        .header("Authorization", "Bearer " + Tokens.patient("p-" + UUID.randomUUID(), tenant))
                        .header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread readOwn = new Thread(() -> own.join().body().filter(l -> l.startsWith("data:")).forEach(mine::add));
        Thread readOther = new Thread(() -> other.join().body().filter(l -> l.startsWith("data:")).forEach(theirs::add));
        readOwn.setDaemon(true);
        readOther.setDaemon(true);
        readOwn.start();
        readOther.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> own.isDone() && other.isDone());
        assertThat(own.join().statusCode()).isEqualTo(200);
        Thread.sleep(500);
        try (KafkaCompanion kafka = Broker.companion()) {
            Events.submitted(kafka, caseId, tenant, patient);
            Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.records-requested.v1", caseId, tenant, "");
            await().atMost(Duration.ofSeconds(30)).until(() -> mine.size() == 1);
        }
        assertThat(mine.get(0)).contains(caseId).contains("consilium.case.records-requested.v1")
                .contains("Se solicitan informes para su caso");  // the case's language: the stream asked for none
        Thread.sleep(500);
        assertThat(theirs).isEmpty();
        own.cancel(true);
        other.cancel(true);
    }
}
