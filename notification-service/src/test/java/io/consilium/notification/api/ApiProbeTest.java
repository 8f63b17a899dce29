package io.consilium.notification.api;

import io.consilium.notification.support.Backlog;
import io.consilium.notification.support.Events;
import io.consilium.notification.support.Receiver;
import io.consilium.platform.testing.Broker;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.consilium.platform.testing.ApiProbe;
import io.consilium.platform.testing.ProbeObjects;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The platform's probe of every notification-service operation in its OpenAPI document (no token 401; NUL, BEL,
 * bidi override and 1 MB strings refused with 4xx problem+json and nothing stored; outsiders 403/404 without a
 * field of the object). The fixture: a partner's webhook endpoint on a loopback receiver and its ping delivery;
 * an inbox item, an e-mail message and a push device of a patient of the tenant; the outsiders are the partner of another tenant and another patient.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ApiProbeTest extends ApiProbe {

    /** The e-mail dispatcher's work on the broker's backlog publishes delivered/failed events in the background. */
    @BeforeEach
    void afterTheBacklog() {
        Backlog.worked();
    }

    static final Receiver RECEIVER = new Receiver();

    @AfterAll
    static void close() {
        RECEIVER.close();
    }

    @Override
    protected Map<String, String> backgroundTables() {
        return Map.of(
                "case_file", "NotificationInputsConsumer: projections of earlier tests' case events",
                "case_invitation", "NotificationInputsConsumer: invitations of earlier tests' events",
                "delivery", "NotificationInputsConsumer creates rows for earlier tests' events; the dispatcher records attempts",
                "webhook_attempt", "the dispatcher logs attempts at earlier tests' deliveries",
                "webhook_endpoint", "the dispatcher records endpoint health (failing since, disabled) of earlier tests' endpoints");
    }

    @Override
    protected ProbeObjects objects() {
        String tenant = "t-" + UUID.randomUUID();
        String path = "/probe-" + UUID.randomUUID();
        JsonPath endpoint = given().auth().oauth2(Tokens.partner(tenant)).contentType(ContentType.JSON)
                .body(Map.of("url", RECEIVER.url() + path, "eventTypes", List.of("consilium.report.released.v1"),
                        "description", "Probe receiver of the secret tenant"))
                .when().post("/api/v1/webhook-endpoints").then().statusCode(201).extract().jsonPath();
        String id = endpoint.getString("id");
        String deliveryId = given().auth().oauth2(Tokens.partner(tenant))
                .when().post("/api/v1/webhook-endpoints/{id}/ping", id).then().statusCode(202).extract().path("id");
        // an inbox item of a patient of the tenant
        String patient = "p-probe-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = Broker.companion()) {
            Events.submitted(kafka, caseId, tenant, patient);
            Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.records-requested.v1", caseId, tenant, "");
        }
        String patientToken = Tokens.patient(patient, tenant);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(patientToken)
                .when().get("/api/v1/me/notifications").then().extract().<Integer>path("total") == 1);
        String itemId = given().auth().oauth2(patientToken).when().get("/api/v1/me/notifications")
                .then().extract().path("items[0].id");
        // the patient's e-mail (dead: no address in the test directory, still a message) and a push device
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(patientToken)
                .when().get("/api/v1/me/messages").then().extract().<Integer>path("total") >= 1);
        String messageId = given().auth().oauth2(patientToken).when().get("/api/v1/me/messages")
                .then().extract().path("items[0].id");
        String deviceId = given().auth().oauth2(patientToken).contentType(ContentType.JSON)
                .body(Map.of("token", "dev-probe-" + UUID.randomUUID(), "platform", "ANDROID"))
                .when().post("/api/v1/me/devices").then().statusCode(201).extract().path("id");
        return ProbeObjects.create()
                .id("webhook-endpoints/{id}", id)
                .id("deliveryId", deliveryId)
                .id("notifications/{id}", itemId)
                .id("messages/{id}", messageId)
                .id("devices/{id}", deviceId)
                .outsider("patient", Tokens.patient("p-outsider-" + UUID.randomUUID(), tenant))
                .outsider("partner", Tokens.partner("t-other-" + UUID.randomUUID()))
                .secret(path, endpoint.getString("secret"), "Probe receiver of the secret tenant")
                .notAnObject("dead-letters/{id}", "dead letters are for ops only, who see every one")
                .notAnObject("eventType", "an event type names a template, the same for everyone (ops only)");
    }
}
