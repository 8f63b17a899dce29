package io.consilium.gateway.api;

import io.consilium.gateway.support.Stubs;
import io.consilium.gateway.support.UpstreamStubs;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** CORS for the configured origin only, body limits per route, security headers, an access log without personal data. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class EdgeTest {

    private static final String APP = "https://app.consilium.test";

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void aPreflightFromTheConfiguredOriginIsAllowed() {
        given().header("Origin", APP).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
                .when().options("/api/v1/cases").then().statusCode(204)
                .header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", "authorization, content-type, idempotency-key")
                .header("Access-Control-Allow-Credentials", nullValue())
                .header("Vary", containsString("Origin"));
    }

    @Test
    void aPreflightFromAnotherOriginOrForAnotherHeaderIsRefused() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/cases").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:consilium:problem:forbidden"))
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", APP).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "x-something-else")
                .when().options("/api/v1/cases").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void onlyTheConfiguredOriginGetsCorsHeadersOnAnswers() {
        given().auth().oauth2(Tokens.ops("olivia")).header("Origin", APP).when().get("/api/v1/plans").then()
                .statusCode(200).header("Access-Control-Allow-Origin", APP)
                .header("Access-Control-Expose-Headers", containsString("Idempotent-Replayed"));
        given().auth().oauth2(Tokens.ops("olivia")).header("Origin", "https://evil.example").when().get("/api/v1/plans")
                .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void answersCarryTheSecurityHeadersAndHtmlAStrictPolicy() {
        given().auth().oauth2(Tokens.ops("olivia")).when().get("/api/v1/plans").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                .header("Strict-Transport-Security", nullValue()).header("Content-Security-Policy", nullValue());
        given().auth().oauth2(Tokens.ops("olivia")).header("X-Stub-Html", "true").when().get("/api/v1/plans").then()
                .statusCode(200).header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("sandbox"));
        given().when().get("/api/v1/nothing").then().statusCode(404).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }

    @Test
    void aDeclaredBodyOverTheRoutesLimitIsRefusedBeforeItIsRead() {
        String counter = "large-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.ops("olivia")).header("X-Stub-Counter", counter).contentType("application/json")
                .body(new byte[2 * 1024 * 1024]).when().post("/api/v1/plans").then().statusCode(413)
                .contentType("application/problem+json").body("type", equalTo("urn:consilium:problem:payload-too-large"));
        assertThat(Stubs.count("case-service", counter)).isZero();
        // the roster route takes large files
        given().auth().oauth2(Tokens.partner("acme")).contentType("text/csv").body(new byte[2 * 1024 * 1024])
                .when().post("/api/v1/roster").then().statusCode(201).body("bytes", equalTo(2 * 1024 * 1024));
    }

    @Test
    void aChunkedBodyOverTheRoutesLimitIsRefusedAndNeverCompletes() throws Exception {
        String counter = "chunked-large-" + UUID.randomUUID();
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/plans"))
                .header("Authorization", "Bearer " + Tokens.ops("olivia")).header("Content-Type", "application/json")
                .header("X-Stub-Counter", counter)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[3 * 1024 * 1024])))
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("urn:consilium:problem:payload-too-large");
        assertThat(Stubs.completed("case-service", counter)).as("the service never got a complete request").isZero();
    }

    @Test
    void theAccessLogNamesTheRouteNotThePathNorTheQueryNorTheToken() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger access = Logger.getLogger("io.consilium.gateway.access");
        access.addHandler(capture);
        try {
            String token = Tokens.patient("alice", "acme");
            Response response = given().auth().oauth2(token).queryParam("name", "Maria Lopez")
                    .when().get("/api/v1/cases/0e9d6c1a-3b7f-4e2a-8c5d-9f1b2a4c6e80/timeline");
            response.then().statusCode(200);
            String requestId = response.header("X-Request-Id");
            // the line is written when the answer has gone out, which may be a moment after the client has it
            await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().anyMatch(l -> l.contains(requestId)));
            String line = lines.stream().filter(l -> l.contains(requestId)).findFirst().orElseThrow();
            assertThat(line).contains("method=GET", "route=cases", "status=200", "durationMs=", "client=")
                    .doesNotContain("Maria", "0e9d6c1a", token, "alice", "timeline");
        } finally {
            access.removeHandler(capture);
        }
    }
}
