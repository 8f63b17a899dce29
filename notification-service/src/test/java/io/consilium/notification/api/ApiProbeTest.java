package io.consilium.notification.api;

import io.consilium.notification.support.Receiver;
import io.consilium.platform.testing.ApiProbe;
import io.consilium.platform.testing.ProbeObjects;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * The platform's probe of every notification-service operation in its OpenAPI document (no token 401; NUL, BEL,
 * bidi override and 1 MB strings refused with 4xx problem+json and nothing stored; outsiders 403/404 without a
 * field of the object). The fixture: a partner's webhook endpoint on a loopback receiver and its ping delivery;
 * the outsider is the partner of another tenant.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ApiProbeTest extends ApiProbe {

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
        return ProbeObjects.create()
                .id("webhook-endpoints/{id}", id)
                .id("deliveryId", deliveryId)
                .outsider("partner", Tokens.partner("t-other-" + UUID.randomUUID()))
                .secret(path, endpoint.getString("secret"), "Probe receiver of the secret tenant")
                .notAnObject("dead-letters/{id}", "dead letters are for ops only, who see every one")
                .notAnObject("eventType", "an event type names a template, the same for everyone (ops only)");
    }
}
