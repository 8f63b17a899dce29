package io.consilium.platform.testing;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * What every service must answer for operations: readiness that covers the real database and broker, liveness,
 * Prometheus metrics on the management interface only (with route templates, never raw ids), its OpenAPI
 * document, problem+json for requests refused before the application, and the headers of clinical answers.
 * A service's test extends it as a {@code @QuarkusTest}.
 */
public abstract class OperationalEndpointsContract {

    /** The management interface (metrics); its test port is random, so only its port is taken from here. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** The service's name, as in its OpenAPI title ("Consilium case-service"). */
    protected abstract String serviceName();

    /** Where the service's own OpenAPI document is served (the gateway's /q/openapi is the combined one). */
    protected String openApiPath() {
        return "/q/openapi";
    }

    protected RequestSpecification managementInterface() {
        return given().baseUri("http://localhost").port(management.getPort());
    }

    protected String metrics() {
        return managementInterface().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void readinessChecksTheDatabaseAndTheBroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")))
                .body("checks.find { it.name == 'Outbox relay' }.status", equalTo("UP"));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreServedOnTheManagementInterface() {
        assertThat(management.getPort()).isNotEqualTo(RestAssured.port);
        assertThat(metrics()).contains("jvm_memory_used_bytes");
    }

    @Test
    void metricsAreNotServedOnThePublicPort() {
        given().when().get("/q/metrics").then().statusCode(not(equalTo(200)))
                .body(not(containsString("jvm_memory_used_bytes")));
    }

    @Test
    void refusedRequestsLeaveNoRawIdInTheMetrics() throws java.io.IOException {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.ops("ops")).when().patch("/api/v1/ops/dead-letters/{id}", id)
                .then().statusCode(405);
        String tooLarge = RawHttp.exchange(RestAssured.port, "POST /api/v1/ops/dead-letters/" + id + "/discard HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + Tokens.ops("ops") + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: 200000000\r\n\r\n");
        assertThat(tooLarge).startsWith("HTTP/1.1 413");
        given().when().get("/api/v1/ops/dead-letters/{id}", id).then().statusCode(401);
        String metrics = metrics();
        assertThat(metrics).contains("http_server_requests_seconds").doesNotContain(id);
    }

    @Test
    void anOverlongUriIsAProblem() {
        given().queryParam("filler", "x".repeat(10_000)).when().get("/api/v1/ops/dead-letters")
                .then().statusCode(414).contentType("application/problem+json")
                .body("type", equalTo("urn:consilium:problem:uri-too-long"));
    }

    @Test
    void overlargeHeadersAreAProblem() {
        given().header("X-Filler", "x".repeat(30_000)).when().get("/api/v1/ops/dead-letters")
                .then().statusCode(431).contentType("application/problem+json")
                .body("type", equalTo("urn:consilium:problem:headers-too-large"));
    }

    @Test
    void everyApiAnswerForbidsCachingAndSniffing() {
        given().when().get("/api/v1/ops/dead-letters").then().statusCode(401)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        given().auth().oauth2(Tokens.ops("ops")).when().get("/api/v1/ops/dead-letters").then().statusCode(200)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void openApiDocumentIsServed() {
        given().queryParam("format", "json").when().get(openApiPath())
                .then().statusCode(200).body("info.title", containsString(serviceName()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyApiOperationDocumentsItsProblemAnswers() {
        java.util.Map<String, Object> paths = given().queryParam("format", "json").when().get(openApiPath())
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        if (paths == null) {
            return; // a service without endpoints yet
        }
        paths.forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            ((java.util.Map<String, Object>) item).forEach((method, operation) -> {
                if (!(operation instanceof java.util.Map<?, ?> op) || !op.containsKey("responses")) {
                    return;
                }
                java.util.Map<String, Object> responses = (java.util.Map<String, Object>) op.get("responses");
                assertThat(responses).as(method + " " + path).containsKey("500");
                if (path.contains("{")) {
                    assertThat(responses).as(method + " " + path).containsKey("404");
                }
                if (op.containsKey("security") || path.startsWith("/api/v1/cases")) {
                    assertThat(responses).as(method + " " + path).containsKey("401");
                }
                java.util.Map<String, Object> internal = (java.util.Map<String, Object>) responses.get("500");
                assertThat((java.util.Map<String, Object>) internal.get("content")).as(method + " " + path)
                        .containsKey("application/problem+json");
            });
        });
    }
}
