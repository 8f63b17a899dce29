package io.consilium.platform.testing;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What every service must answer for operations: readiness that covers the real database and broker, liveness,
 * Prometheus metrics and its OpenAPI document. A service's test extends it as a {@code @QuarkusTest}.
 */
public abstract class OperationalEndpointsContract {

    /** The service's name, as in its OpenAPI title ("Consilium case-service"). */
    protected abstract String serviceName();

    @Test
    void readinessChecksTheDatabaseAndTheBroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreServed() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDocumentIsServed() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).body("info.title", containsString(serviceName()));
    }
}
