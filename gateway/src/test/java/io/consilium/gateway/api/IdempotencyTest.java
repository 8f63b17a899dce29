package io.consilium.gateway.api;

import io.consilium.gateway.support.Stubs;
import io.consilium.gateway.support.UpstreamStubs;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Idempotency-Key on POST, with the gateway's real database: one effect per client and key, whatever comes after. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class IdempotencyTest {

    private static final String BODY = "{\"memberId\":\"M-alice\",\"specialty\":\"ONCOLOGY\"}";

    @TestHTTPResource("/")
    URI gateway;

    private static RequestSpecification post(String token, String key, String counter) {
        return given().auth().oauth2(token).header("Idempotency-Key", key).header("X-Stub-Counter", counter)
                .contentType("application/json");
    }

    @Test
    void theSameKeyAndBodyGetTheFirstAnswerAgainAndTheServiceSeesOneRequest() {
        String token = Tokens.patient("idem-" + UUID.randomUUID(), "acme");
        String key = "\"" + UUID.randomUUID() + "\"";
        String counter = "idem-" + UUID.randomUUID();
        Response first = post(token, key, counter).body(BODY).when().post("/api/v1/cases");
        first.then().statusCode(201).header("Idempotent-Replayed", (String) null);
        Response second = post(token, key, counter).body(BODY).when().post("/api/v1/cases");
        second.then().statusCode(201).header("Idempotent-Replayed", "true").header("ETag", "\"7\"")
                .contentType("application/json");
        assertThat(second.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(second.header("X-Request-Id")).isNotEqualTo(first.header("X-Request-Id"));
        assertThat(Stubs.count("case-service", counter)).isEqualTo(1);
    }

    @Test
    void aPostWithoutBodyIsReplayedToo() {
        String token = Tokens.patient("idem-" + UUID.randomUUID(), "acme");
        String key = UUID.randomUUID().toString();
        String counter = "idem-" + UUID.randomUUID();
        String submit = "/api/v1/cases/" + UUID.randomUUID() + "/submit";
        Response first = given().auth().oauth2(token).header("Idempotency-Key", key).header("X-Stub-Counter", counter)
                .when().post(submit);
        first.then().statusCode(201).body("bytes", equalTo(0));
        given().auth().oauth2(token).header("Idempotency-Key", key).header("X-Stub-Counter", counter)
                .when().post(submit).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.jsonPath().getString("id")));
        assertThat(Stubs.count("case-service", counter)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyOrPathIsUnprocessable() {
        String token = Tokens.patient("idem-" + UUID.randomUUID(), "acme");
        String key = UUID.randomUUID().toString();
        String counter = "idem-" + UUID.randomUUID();
        post(token, key, counter).body(BODY).when().post("/api/v1/cases").then().statusCode(201);
        post(token, key, counter).body(BODY.replace("ONCOLOGY", "CARDIOLOGY")).when().post("/api/v1/cases")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:consilium:problem:unprocessable"));
        post(token, key, counter).body(BODY).when().post("/api/v1/plans").then().statusCode(422);
        assertThat(Stubs.count("case-service", counter)).isEqualTo(1);
    }

    @Test
    void anotherClientWithTheSameKeyGetsItsOwnRequest() {
        String key = UUID.randomUUID().toString();
        String counter = "idem-" + UUID.randomUUID();
        Response alice = post(Tokens.patient("idem-a-" + UUID.randomUUID(), "acme"), key, counter).body(BODY)
                .when().post("/api/v1/cases");
        Response partner = post(Tokens.partner("acme"), key, counter).body(BODY).when().post("/api/v1/cases");
        alice.then().statusCode(201);
        partner.then().statusCode(201).header("Idempotent-Replayed", (String) null);
        assertThat(partner.jsonPath().getString("id")).isNotEqualTo(alice.jsonPath().getString("id"));
        assertThat(Stubs.count("case-service", counter)).isEqualTo(2);
    }

    @Test
    void aRepeatWhileTheFirstIsStillRunningIsAConflict() throws Exception {
        String token = Tokens.patient("idem-" + UUID.randomUUID(), "acme");
        String key = UUID.randomUUID().toString();
        String counter = "idem-" + UUID.randomUUID();
        // the first takes 6 s; a repeat waits up to in-flight-wait (3 s in tests), then gets 409
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() ->
                post(token, key, counter).header("X-Stub-Delay-Ms", "6000").body(BODY).when().post("/api/v1/cases"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Stubs.count("case-service", counter) == 1);
        post(token, key, counter).header("X-Stub-Delay-Ms", "6000").body(BODY).when().post("/api/v1/cases")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:consilium:problem:conflict"));
        first.get().then().statusCode(201);
        post(token, key, counter).header("X-Stub-Delay-Ms", "6000").body(BODY).when().post("/api/v1/cases")
                .then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(Stubs.count("case-service", counter)).isEqualTo(1);
    }

    @Test
    void anAnswerTheClientMayRetryIsNotKept() {
        String token = Tokens.patient("idem-" + UUID.randomUUID(), "acme");
        String key = UUID.randomUUID().toString();
        String counter = "idem-" + UUID.randomUUID();
        post(token, key, counter).header("X-Stub-Status", "503").body(BODY).when().post("/api/v1/cases")
                .then().statusCode(503).body("type", equalTo("urn:stub:problem"));
        post(token, key, counter).body(BODY).when().post("/api/v1/cases").then().statusCode(201)
                .header("Idempotent-Replayed", (String) null);
        assertThat(Stubs.count("case-service", counter)).isEqualTo(2);
    }

    @Test
    void aKeyThatIsNotAStringIsRefusedAndNothingIsSent() {
        String counter = "idem-" + UUID.randomUUID();
        post(Tokens.patient("alice", "acme"), "two words", counter).body(BODY).when().post("/api/v1/cases")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("Idempotency-Key"));
        assertThat(Stubs.count("case-service", counter)).isZero();
    }

    @Test
    void hundredParallelRequestsWithOneKeyMakeOneEffectAndOneAnswer() throws Exception {
        String token = Tokens.partner("acme");
        String key = UUID.randomUUID().toString();
        String counter = "idem-parallel-" + UUID.randomUUID();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(java.util.concurrent.Executors.newFixedThreadPool(16)).build();
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/cases"))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .header("X-Stub-Counter", counter).header("X-Stub-Delay-Ms", "300")
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get();
        Set<Integer> statuses = answers.stream().map(a -> a.join().statusCode()).collect(Collectors.toSet());
        Set<String> bodies = answers.stream().map(a -> a.join().body()).collect(Collectors.toSet());
        long replayed = answers.stream().filter(a -> a.join().headers().firstValue("Idempotent-Replayed").isPresent()).count();
        assertThat(statuses).containsExactly(201);
        assertThat(bodies).hasSize(1);
        assertThat(replayed).isEqualTo(99);
        assertThat(Stubs.count("case-service", counter)).isEqualTo(1);
    }
}
