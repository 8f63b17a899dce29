package io.consilium.gateway.api;

import io.consilium.gateway.support.UpstreamStubs;
import io.consilium.platform.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The gateway (as every service) verifies a bearer token once and takes the same token from its cache of verified
 * tokens (platform's TokenCache) afterwards, but never past the token's expiry, and never for a token that differs
 * in a single character.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class TokenCacheTest {

    @Inject
    MeterRegistry registry;

    private double count(String result) {
        var counter = registry.find("consilium.security.token.cache").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theSameTokenIsVerifiedOnceAndThenTakenFromTheCache() {
        String token = Tokens.ops("cache-" + System.nanoTime());
        double hits = count("hit");
        double misses = count("miss");
        given().auth().oauth2(token).when().get("/api/v1/plans").then().statusCode(200)
                .body("service", equalTo("case-service")).body("headers.authorization", equalTo("Bearer " + token));
        assertThat(count("miss")).as("first sight: verified by OIDC").isEqualTo(misses + 1);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/v1/plans").then().statusCode(200)
                    .body("headers.authorization", equalTo("Bearer " + token));
        }
        assertThat(count("hit")).isEqualTo(hits + 3);
        assertThat(count("miss")).isEqualTo(misses + 1);
    }

    @Test
    void aCachedTokenIsRefusedOnceItExpires() throws InterruptedException {
        String token = Jwt.subject("short-lived").preferredUserName("short-lived").groups(Set.of("ops"))
                .issuer("https://server.example.com").audience("consilium-api").expiresIn(Duration.ofSeconds(3)).sign();
        given().auth().oauth2(token).when().get("/api/v1/plans").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/plans").then().statusCode(200);
        Thread.sleep(3_500);
        given().auth().oauth2(token).when().get("/api/v1/plans").then().statusCode(401);
    }

    @Test
    void aTokenThatDiffersFromACachedOneIsVerifiedAndRefused() {
        String token = Tokens.ops("tamper-" + System.nanoTime());
        given().auth().oauth2(token).when().get("/api/v1/plans").then().statusCode(200);
        char last = token.charAt(token.length() - 2);
        String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        given().auth().oauth2(tampered).when().get("/api/v1/plans").then().statusCode(401);
        // another subject's claims with the cached token's signature
        String[] parts = token.split("\\.");
        String[] other = Tokens.ops("someone-else").split("\\.");
        given().auth().oauth2(parts[0] + "." + other[1] + "." + parts[2]).when().get("/api/v1/plans").then().statusCode(401);
    }
}
