package io.consilium.gateway.api;

import io.consilium.gateway.support.Stubs;
import io.consilium.gateway.support.UpstreamStubs;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * A service that is down, silent or failing costs the caller a problem+json answer in time, never a 500 and
 * never a wait beyond the service's timeouts; a failing service's circuit opens.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class UpstreamFailureTest {

    private final String token = Tokens.ops("olivia");

    @Test
    void aServiceThatIsDownIsABadGatewayProblemAtOnce() {
        // the first request of a fresh JVM (token keys, class loading) is not what is measured
        given().auth().oauth2(token).when().get("/api/v1/plans").then().statusCode(200);
        long start = System.nanoTime();
        given().auth().oauth2(token).when().get("/api/v1/me/notifications").then().statusCode(502)
                .contentType("application/problem+json").body("type", equalTo("urn:consilium:problem:bad-gateway"))
                .body("status", equalTo(502)).body("detail", equalTo("notification-service could not be reached"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aSilentServiceIsAGatewayTimeoutAndOnlyGetIsTriedAgain() {
        String get = "hang-get-" + UUID.randomUUID();
        long start = System.nanoTime();
        given().auth().oauth2(token).header("X-Stub-Hang", "true").header("X-Stub-Counter", get)
                .when().get("/api/v1/invitations").then().statusCode(504).contentType("application/problem+json")
                .body("type", equalTo("urn:consilium:problem:gateway-timeout"));
        // read timeout 700 ms, one retry: two attempts
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        assertThat(Stubs.count("specialist-service", get)).isEqualTo(2);

        // a POST without a body (an action such as accepting an invitation) is as easy to send twice, and never is
        String post = "hang-post-" + UUID.randomUUID();
        given().auth().oauth2(token).header("X-Stub-Hang", "true").header("X-Stub-Counter", post)
                .when().post("/api/v1/invitations/" + UUID.randomUUID() + "/accept")
                .then().statusCode(504).contentType("application/problem+json");
        assertThat(Stubs.count("specialist-service", post)).isEqualTo(1);
        String postWithBody = "hang-post-body-" + UUID.randomUUID();
        given().auth().oauth2(token).header("X-Stub-Hang", "true").header("X-Stub-Counter", postWithBody)
                .contentType("application/json").body("{}").when().post("/api/v1/rankings")
                .then().statusCode(504).contentType("application/problem+json");
        assertThat(Stubs.count("specialist-service", postWithBody)).isEqualTo(1);
    }

    @Test
    void theCircuitOpensAfterFailuresInARowAndClosesAfterASuccessfulTrial() {
        String counter = "breaker-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            // the service's own 500 passes through unchanged, and counts against its circuit
            given().auth().oauth2(token).header("X-Stub-Status", "500").header("X-Stub-Counter", counter)
                    .when().get("/api/v1/reports/" + UUID.randomUUID()).then().statusCode(500)
                    .body("type", equalTo("urn:stub:problem"));
        }
        given().auth().oauth2(token).header("X-Stub-Counter", counter).when().get("/api/v1/reports/" + UUID.randomUUID())
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:consilium:problem:unavailable")).header("Retry-After", notNullValue());
        assertThat(Stubs.count("report-service", counter)).as("the open circuit kept the call away").isEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/v1/reports/" + UUID.randomUUID()).then().statusCode(200));
        given().auth().oauth2(token).when().get("/api/v1/reports/" + UUID.randomUUID()).then().statusCode(200)
                .body("service", equalTo("report-service"));
    }

    @Test
    void aFullConnectionPoolIsABusyProblemThatDoesNotOpenTheCircuit() throws Exception {
        // report-service in tests: 4 pooled connections, 300 ms pool wait, circuit open after 3 failures in a row
        String slow = "pool-slow-" + UUID.randomUUID();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var held = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 4; i++) {
                held.add(pool.submit(() -> given().auth().oauth2(token).header("X-Stub-Delay-Ms", "2500")
                        .header("X-Stub-Counter", slow).when().get("/api/v1/reports/" + UUID.randomUUID()).statusCode()));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> Stubs.count("report-service", slow) == 4);
            for (int i = 0; i < 4; i++) {
                long start = System.nanoTime();
                given().auth().oauth2(token).when().get("/api/v1/reports/" + UUID.randomUUID()).then().statusCode(503)
                        .contentType("application/problem+json").body("type", equalTo("urn:consilium:problem:unavailable"))
                        .body("detail", org.hamcrest.Matchers.containsString("busy")).header("Retry-After", equalTo("1"));
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            }
            for (var request : held) {
                assertThat(request.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        // four waits in a row, one more than the failure threshold: had they counted, the circuit would be open now
        given().auth().oauth2(token).when().get("/api/v1/reports/" + UUID.randomUUID()).then().statusCode(200)
                .body("service", equalTo("report-service"));
    }
}
