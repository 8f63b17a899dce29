package io.consilium.gateway.api;

import io.consilium.gateway.support.UpstreamStubs;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/** Paths reach their service with the caller's token and the request's ids; answers come back unchanged. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class RoutingTest {

    private static final String CASE = "/api/v1/cases/0e9d6c1a-3b7f-4e2a-8c5d-9f1b2a4c6e80";

    @Test
    void eachPathReachesTheServiceThatServesIt() {
        String token = Tokens.ops("olivia");
        String[][] expected = {
                {CASE, "case-service"}, {CASE + "/timeline", "case-service"}, {"/api/v1/plans", "case-service"},
                {CASE + "/documents", "document-service"}, {"/api/v1/documents/1/content", "document-service"},
                {CASE + "/panel", "specialist-service"}, {"/api/v1/invitations", "specialist-service"},
                {CASE + "/reports", "report-service"}, {"/api/v1/reports/1", "report-service"}};
        for (String[] pair : expected) {
            given().auth().oauth2(token).when().get(pair[0]).then().statusCode(200)
                    .body("service", equalTo(pair[1])).body("uri", equalTo(pair[0]));
        }
    }

    @Test
    void theCallersTokenAndHeadersArriveUntouched() {
        String token = Tokens.caseManager("dr-carla", "acme");
        Response response = given().auth().oauth2(token)
                .header("X-Request-Id", "client-chosen-id-1")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .header("Accept-Language", "es")
                .queryParam("state", "SUBMITTED").queryParam("page", "2")
                .when().get("/api/v1/cases");
        response.then().statusCode(200).header("X-Request-Id", "client-chosen-id-1");
        assertThat(response.jsonPath().getString("headers.authorization")).isEqualTo("Bearer " + token);
        assertThat(response.jsonPath().getString("headers.x-request-id")).isEqualTo("client-chosen-id-1");
        assertThat(response.jsonPath().getString("headers.traceparent"))
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(response.jsonPath().getString("headers.accept-language")).isEqualTo("es");
        assertThat(response.jsonPath().getString("headers.x-forwarded-for")).isEqualTo("127.0.0.1");
        assertThat(response.jsonPath().getString("uri")).isEqualTo("/api/v1/cases?state=SUBMITTED&page=2");
    }

    @Test
    void aRequestWithoutIdsGetsThemAndTheIdComesBack() {
        Response response = given().auth().oauth2(Tokens.ops("olivia")).when().get("/api/v1/plans");
        String requestId = response.header("X-Request-Id");
        assertThat(requestId).matches("[0-9a-f]{32}");
        assertThat(response.jsonPath().getString("headers.x-request-id")).isEqualTo(requestId);
        assertThat(response.jsonPath().getString("headers.traceparent")).matches("00-" + requestId + "-[0-9a-f]{16}-01");
    }

    @Test
    void aServicesProblemPassesThroughUnchanged() {
        given().auth().oauth2(Tokens.ops("olivia")).header("X-Stub-Status", "422").when().post("/api/v1/plans")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:stub:problem")).body("service", equalTo("case-service"));
    }

    @Test
    void aRequestWithoutTokenGoesOnForTheServiceToJudge() {
        given().when().get("/api/v1/shared-reports/some-token").then().statusCode(200)
                .body("service", equalTo("report-service")).body("headers.authorization", equalTo(null));
    }

    @Test
    void aTokenThatDoesNotValidateIsRefusedHere() {
        given().auth().oauth2("not.a.token").header("X-Stub-Counter", "bad-token").when().get("/api/v1/plans")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:consilium:problem:unauthenticated"));
        assertThat(io.consilium.gateway.support.Stubs.count("case-service", "bad-token")).isZero();
    }

    @Test
    void anUnknownPathIsANotFoundProblem() {
        given().auth().oauth2(Tokens.ops("olivia")).when().get("/api/v1/nothing-here/1").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:consilium:problem:not-found"))
                .body("status", equalTo(404)).header("X-Request-Id", matchesPattern("[0-9a-f]{32}"));
        given().when().get("/api/v2/cases").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void tusHeadersPassBothWaysAndTheServicesLocationBecomesTheGateways() {
        String token = Tokens.patient("alice", "acme");
        Response created = given().auth().oauth2(token).header("Tus-Resumable", "1.0.0").header("Upload-Length", "5")
                .header("Upload-Metadata", "filename dGVzdC5wZGY=").when().post("/api/v1/uploads");
        created.then().statusCode(201).header("Tus-Resumable", "1.0.0")
                .header("Upload-Expires", "Thu, 03 Dec 2026 10:00:00 GMT")
                .header("Location", startsWith("http://localhost:"));
        assertThat(created.header("Location")).endsWith("/api/v1/uploads/0e9d6c1a-3b7f-4e2a-8c5d-9f1b2a4c6e80")
                .doesNotContain(io.consilium.gateway.support.Stubs.url("document-service"));
        given().auth().oauth2(token).header("Tus-Resumable", "1.0.0").header("Upload-Offset", "3")
                .contentType("application/offset+octet-stream").body(new byte[]{1, 2})
                .when().patch("/api/v1/uploads/0e9d6c1a-3b7f-4e2a-8c5d-9f1b2a4c6e80")
                .then().statusCode(204).header("Upload-Offset", "5").header("Tus-Resumable", "1.0.0");
    }

    @Test
    void aTusHeadPassesItsOffsetWithoutBody() {
        given().auth().oauth2(Tokens.patient("alice", "acme")).header("Tus-Resumable", "1.0.0")
                .when().head("/api/v1/uploads/0e9d6c1a-3b7f-4e2a-8c5d-9f1b2a4c6e80")
                .then().statusCode(200).header("Upload-Offset", "3").header("Upload-Length", "5")
                .header("Tus-Resumable", "1.0.0").body(org.hamcrest.Matchers.emptyString());
    }

    @Test
    void rangeAndETagPass() {
        given().auth().oauth2(Tokens.patient("alice", "acme")).header("Range", "bytes=10-19")
                .header("X-Stub-Download-Bytes", "100").when().get("/api/v1/documents/1/content")
                .then().statusCode(206).header("Content-Range", "bytes 10-19/100").header("ETag", "\"doc-1\"")
                .header("Content-Length", "10");
        given().auth().oauth2(Tokens.ops("olivia")).header("If-None-Match", "\"7\"").when().get("/api/v1/plans")
                .then().statusCode(200).header("ETag", "\"7\"").body("headers.if-none-match", equalTo("\"7\""));
    }

    @Test
    void opsReachEachServicesOwnDeadLettersUnderTheRewrittenPath() {
        String token = Tokens.ops("olivia");
        // the list: the bare prefix, query string kept
        Response list = given().auth().oauth2(token).queryParam("status", "OPEN").queryParam("size", "20")
                .when().get("/api/v1/ops/services/case-service/dead-letters");
        list.then().statusCode(200).body("service", equalTo("case-service")).body("method", equalTo("GET"))
                .body("uri", equalTo("/api/v1/ops/dead-letters?status=OPEN&size=20"));
        assertThat(list.jsonPath().getString("headers.authorization")).isEqualTo("Bearer " + token);
        // a replay, on another service
        String id = "5a1d3c2e-8f4b-4e6a-9c7d-1b2e3f4a5b6c";
        Response replay = given().auth().oauth2(token).queryParam("note", "after fix")
                .when().post("/api/v1/ops/services/document-service/dead-letters/{id}/replay", id);
        replay.then().statusCode(201).body("service", equalTo("document-service")).body("method", equalTo("POST"))
                .body("uri", equalTo("/api/v1/ops/dead-letters/" + id + "/replay?note=after%20fix"));
        assertThat(replay.jsonPath().getString("headers.authorization")).isEqualTo("Bearer " + token);
        given().auth().oauth2(token).when().get("/api/v1/ops/services/report-service/dead-letters/" + id)
                .then().statusCode(200).body("service", equalTo("report-service"))
                .body("uri", equalTo("/api/v1/ops/dead-letters/" + id));
        // a service the table does not know has no such route; the gateway's own dead letters stay its own
        given().auth().oauth2(token).when().get("/api/v1/ops/services/gateway/dead-letters")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token).when().get("/api/v1/ops/services/case-service/dead-lettersx")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
