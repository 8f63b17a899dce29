package io.consilium.gateway.api;

import io.consilium.gateway.domain.ClientId;
import io.consilium.gateway.domain.RateLimitDecision;
import io.consilium.gateway.domain.RateLimitPolicy;
import io.consilium.gateway.service.ClientRateLimiter;
import io.consilium.gateway.support.UpstreamStubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Token buckets per client in the gateway's database: a partner's own limit from configuration, 429 problem+json
 * with Retry-After and the RateLimit headers, and one bucket for every gateway instance on the database (a second
 * limiter, outside Quarkus and on its own connection, shares the partner's bucket).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class RateLimitTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private static String partnerToken(String azp) {
        return Jwt.subject("service-account-" + azp).preferredUserName("service-account-" + azp)
                .groups(Set.of("partner")).claim("tenant", "acme").claim("azp", azp)
                .issuer("https://server.example.com").audience("consilium-api").sign();
    }

    @BeforeEach
    void freshBuckets() throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from rate_limit_bucket where id like 'partner:partner-limited|%' or id like 'partner:partner-shared|%' or id like 'partner:partner-busy|%'")) {
            delete.executeUpdate();
        }
    }

    @Test
    void aPartnerGetsItsConfiguredQuotaThenTooManyRequests() {
        String token = partnerToken("partner-limited");
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).when().get("/api/v1/plans").then().statusCode(200)
                    .header("RateLimit-Policy", "\"partner-limited\";q=5;w=3600")
                    .header("RateLimit", matchesPattern("\"partner-limited\";r=" + (4 - i) + ";t=[0-9]+"));
        }
        given().auth().oauth2(token).when().get("/api/v1/plans").then().statusCode(429)
                .contentType("application/problem+json").body("type", equalTo("urn:consilium:problem:too-many-requests"))
                .body("status", equalTo(429)).header("Retry-After", notNullValue())
                .header("RateLimit-Policy", "\"partner-limited\";q=5;w=3600");
        // another partner is not affected
        given().auth().oauth2(partnerToken("partner-other")).when().get("/api/v1/plans").then().statusCode(200)
                .header("RateLimit-Policy", "\"partners\";q=1000000;w=60");
    }

    @Test
    void twoInstancesShareOneBucket() {
        PGSimpleDataSource secondConnection = new PGSimpleDataSource();
        secondConnection.setUrl(jdbcUrl);
        secondConnection.setUser("consilium");
        secondConnection.setPassword("consilium");
        RateLimitPolicy shared = new RateLimitPolicy("partner-shared", 6, Duration.ofHours(1));
        RateLimitPolicy plenty = new RateLimitPolicy("plenty", 1_000_000, Duration.ofMinutes(1));
        ClientRateLimiter secondInstance = new ClientRateLimiter(secondConnection,
                new RateLimitPolicy.Table(plenty, plenty, plenty, Map.of("partner-shared", shared)));
        String token = partnerToken("partner-shared");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/v1/plans").then().statusCode(200);
        }
        for (int i = 0; i < 3; i++) {
            RateLimitDecision decision = secondInstance.take(ClientId.partner("partner-shared"));
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(2 - i);
        }
        given().auth().oauth2(token).when().get("/api/v1/plans").then().statusCode(429);
        assertThat(secondInstance.take(ClientId.partner("partner-shared")).allowed()).isFalse();
    }

    @Test
    void aLargeQuotaTakenOnTwoInstancesHoldsWithinOnePercentPerInstance() throws Exception {
        // 2,000 an hour: each instance writes to the shared bucket every 20 tokens (1 %) or 100 ms
        RateLimitPolicy busy = new RateLimitPolicy("partner-busy", 2000, Duration.ofHours(1));
        RateLimitPolicy plenty = new RateLimitPolicy("plenty", 1_000_000, Duration.ofMinutes(1));
        var table = new RateLimitPolicy.Table(plenty, plenty, plenty, Map.of("partner-busy", busy));
        ClientRateLimiter first = new ClientRateLimiter(dataSource, table);
        ClientRateLimiter second = new ClientRateLimiter(secondDataSource(), table);
        int allowed = 0;
        for (int i = 0; i < 3000; i++) {
            if ((i % 2 == 0 ? first : second).take(ClientId.partner("partner-busy")).allowed()) {
                allowed++;
            }
        }
        // the quota (and what refilled meanwhile: one token per 1.8 s), plus at most 20 per instance not yet written
        assertThat(allowed).isBetween(1990, 2045);
        Thread.sleep(250); // both have written what they took
        int afterwards = 0;
        for (int i = 0; i < 20; i++) {
            afterwards += (i % 2 == 0 ? first : second).take(ClientId.partner("partner-busy")).allowed() ? 1 : 0;
        }
        assertThat(afterwards).as("only what refilled").isLessThanOrEqualTo(1);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement rows = connection.prepareStatement("select count(*) from rate_limit_bucket where id like 'partner:partner-busy|%'");
             var result = rows.executeQuery()) {
            result.next();
            assertThat(result.getInt(1)).as("one shared bucket").isEqualTo(1);
        }
    }

    private PGSimpleDataSource secondDataSource() {
        PGSimpleDataSource second = new PGSimpleDataSource();
        second.setUrl(jdbcUrl);
        second.setUser("consilium");
        second.setPassword("consilium");
        return second;
    }
}
