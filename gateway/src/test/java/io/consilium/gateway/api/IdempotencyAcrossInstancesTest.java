package io.consilium.gateway.api;

import io.consilium.gateway.config.IdempotencyConfig;
import io.consilium.gateway.domain.IdempotencyOutcome;
import io.consilium.gateway.domain.RequestFingerprint;
import io.consilium.gateway.domain.StoredAnswer;
import io.consilium.gateway.service.IdempotencyStore;
import io.consilium.gateway.support.Stubs;
import io.consilium.gateway.support.UpstreamStubs;
import io.consilium.platform.testing.Tokens;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency keys hold across gateway instances: another instance (here a second store, outside Quarkus, on its own
 * connection to the same table) that took a key first makes this one's repeat wait for, and then replay, its answer.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class IdempotencyAcrossInstancesTest {

    @TestHTTPResource("/")
    URI gateway;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private static final IdempotencyConfig CONFIG = new IdempotencyConfig() {
        public Duration retention() { return Duration.ofHours(24); }
        public Duration inFlightWait() { return Duration.ofSeconds(2); }
        public Duration abandonedAfter() { return Duration.ofMinutes(2); }
        public MemorySize maxBodySize() { return new MemorySize(BigInteger.valueOf(1024 * 1024)); }
        public MemorySize maxStoredAnswer() { return new MemorySize(BigInteger.valueOf(1024 * 1024)); }
        public Duration cleanupEvery() { return Duration.ofMinutes(15); }
    };

    @Test
    void aRepeatOnThisInstanceReplaysTheAnswerTheOtherInstanceGot() throws Exception {
        PGSimpleDataSource connection = new PGSimpleDataSource();
        connection.setUrl(jdbcUrl);
        connection.setUser("consilium");
        connection.setPassword("consilium");
        IdempotencyStore otherInstance = new IdempotencyStore(connection, CONFIG, Clock.systemUTC());

        String subject = "idem-other-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String body = "{\"specialty\":\"ONCOLOGY\"}";
        String counter = "idem-other-" + UUID.randomUUID();
        String fingerprint = RequestFingerprint.of("POST", "/api/v1/cases", "application/json",
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(otherInstance.begin("user:" + subject, key, fingerprint)).isInstanceOf(IdempotencyOutcome.Proceed.class);

        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/cases"))
                .header("Authorization", "Bearer " + Tokens.patient(subject, "acme")).header("Idempotency-Key", key)
                .header("Content-Type", "application/json").header("X-Stub-Counter", counter)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        CompletableFuture<HttpResponse<String>> repeat = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .sendAsync(request, HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300); // by then the repeat is usually waiting for the other instance; either way it must replay
        otherInstance.complete("user:" + subject, key, new StoredAnswer(201,
                List.of(Map.entry("Content-Type", "application/json"), Map.entry("Location", "/api/v1/cases/42")),
                "{\"id\":\"from-the-other-instance\"}".getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> response = repeat.get();
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(response.headers().firstValue("Location")).contains("/api/v1/cases/42");
        assertThat(response.body()).isEqualTo("{\"id\":\"from-the-other-instance\"}");
        assertThat(Stubs.count("case-service", counter)).as("the service saw nothing from this instance").isZero();
    }
}
