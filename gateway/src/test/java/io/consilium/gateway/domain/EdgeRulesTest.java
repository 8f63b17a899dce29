package io.consilium.gateway.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure rules of the edge: CORS, security headers, request ids, forwarded headers, idempotency keys, limits. */
class EdgeRulesTest {

    private final CorsPolicy cors = new CorsPolicy(List.of("https://app.example"), List.of("GET", "POST"),
            List.of("Authorization", "Content-Type"), List.of("Location"), false, Duration.ofMinutes(10));

    @Test
    void corsAllowsOnlyListedOriginsMethodsAndHeaders() {
        assertThat(cors.preflight("https://app.example", "POST", "authorization, content-type")).hasValueSatisfying(h -> {
            assertThat(h).containsEntry("Access-Control-Allow-Origin", "https://app.example")
                    .containsEntry("Access-Control-Max-Age", "600").doesNotContainKey("Access-Control-Allow-Credentials");
        });
        assertThat(cors.preflight("https://evil.example", "GET", null)).isEmpty();
        assertThat(cors.preflight("https://app.example", "DELETE", null)).isEmpty();
        assertThat(cors.preflight("https://app.example", "GET", "X-Other")).isEmpty();
        assertThat(cors.actual("https://evil.example")).isEmpty();
        assertThat(cors.actual("https://app.example")).containsEntry("Access-Control-Expose-Headers", "Location");
    }

    @Test
    void corsNeverTakesAWildcard() {
        assertThatThrownBy(() -> new CorsPolicy(List.of("*"), List.of("GET"), List.of(), List.of(), true, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        CorsPolicy withCredentials = new CorsPolicy(List.of("https://app.example"), List.of("GET"), List.of(), List.of(),
                true, Duration.ZERO);
        assertThat(withCredentials.actual("https://app.example")).containsEntry("Access-Control-Allow-Origin", "https://app.example")
                .containsEntry("Access-Control-Allow-Credentials", "true");
    }

    @Test
    void hstsOnlyOverTlsAndStrictCspOnApiHtml() {
        ResponseHardening hardening = new ResponseHardening("no-referrer", "max-age=60", "https://login.example");
        Map<String, String> plain = hardening.headersFor(false, "/api/v1/cases", "application/json", h -> false);
        assertThat(plain).containsEntry("X-Content-Type-Options", "nosniff").containsEntry("Referrer-Policy", "no-referrer")
                .doesNotContainKeys("Strict-Transport-Security", "Content-Security-Policy");
        assertThat(hardening.headersFor(true, "/api/v1/cases", "application/json", h -> false))
                .containsEntry("Strict-Transport-Security", "max-age=60");
        assertThat(hardening.headersFor(false, "/api/v1/x", "text/html; charset=utf-8", Set.of("Content-Security-Policy")::contains))
                .containsEntry("Content-Security-Policy", ResponseHardening.API_HTML_CSP);
        assertThat(hardening.headersFor(false, "/q/swagger-ui", "text/html", h -> false))
                .containsEntry("Content-Security-Policy", ResponseHardening.pageCsp("https://login.example"));
        // the console's pages: no inline script or style, and only the gateway and Keycloak to talk to
        assertThat(ResponseHardening.pageCsp("https://login.example")).doesNotContain("unsafe-inline", "unsafe-eval", "*")
                .contains("script-src 'self';", "connect-src 'self' https://login.example;", "form-action 'self' https://login.example;");
        assertThat(hardening.headersFor(false, "/x", "text/plain", Set.of("Referrer-Policy")::contains))
                .doesNotContainKey("Referrer-Policy");
    }

    @Test
    void requestIdsAreKeptWhenSaneAndMadeOtherwise() {
        assertThat(RequestIds.requestId("client-id-123", null)).isEqualTo("client-id-123");
        assertThat(RequestIds.requestId("bad id with spaces", null)).matches("[0-9a-f]{32}");
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assertThat(RequestIds.requestId(null, traceparent)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(RequestIds.traceparent(traceparent, "x")).isEqualTo(traceparent);
        assertThat(RequestIds.traceparent(null, "4bf92f3577b34da6a3ce929d0e0e4736"))
                .matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01");
        assertThat(RequestIds.traceparent("garbage", "short")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void hopByHopHeadersStayAndLocationsOfTheServiceBecomeTheGateways() {
        assertThat(ForwardedHeaders.hopByHop("Transfer-Encoding", null)).isTrue();
        assertThat(ForwardedHeaders.hopByHop("X-Custom", "keep-alive, X-Custom")).isTrue();
        assertThat(ForwardedHeaders.hopByHop("Authorization", null)).isFalse();
        assertThat(ForwardedHeaders.rewriteLocation("http://127.0.0.1:8082/api/v1/uploads/1", "http://127.0.0.1:8082",
                "https://api.example")).isEqualTo("https://api.example/api/v1/uploads/1");
        assertThat(ForwardedHeaders.rewriteLocation("http://127.0.0.1:80821/x", "http://127.0.0.1:8082", "https://api.example"))
                .isEqualTo("http://127.0.0.1:80821/x");
        assertThat(ForwardedHeaders.rewriteLocation("/api/v1/cases/1", "http://127.0.0.1:8081", "https://api.example"))
                .isEqualTo("/api/v1/cases/1");
        assertThat(ForwardedHeaders.rewriteLocation("https://elsewhere.example/x", "http://127.0.0.1:8081", "https://api.example"))
                .isEqualTo("https://elsewhere.example/x");
    }

    @Test
    void idempotencyKeysAreStructuredStringsOrBareTokens() {
        assertThat(IdempotencyKey.parse("\"8e03978e-40d5\"")).contains(new IdempotencyKey("8e03978e-40d5"));
        assertThat(IdempotencyKey.parse("8e03978e-40d5")).contains(new IdempotencyKey("8e03978e-40d5"));
        assertThat(IdempotencyKey.parse(null)).isEmpty();
        for (String bad : new String[]{"", "\"\"", "a b", "x".repeat(256), "\"a\"b\"", "caf\u00e9"}) {
            assertThatThrownBy(() -> IdempotencyKey.parse(bad)).as(bad).isInstanceOf(IdempotencyKey.Invalid.class);
        }
    }

    @Test
    void fingerprintsTellRequestsApart() {
        String one = RequestFingerprint.of("POST", "/api/v1/cases", "application/json", "{}".getBytes());
        assertThat(RequestFingerprint.of("POST", "/api/v1/cases", "application/json", "{}".getBytes())).isEqualTo(one);
        assertThat(RequestFingerprint.of("POST", "/api/v1/cases", "application/json", "{ }".getBytes())).isNotEqualTo(one);
        assertThat(RequestFingerprint.of("POST", "/api/v1/plans", "application/json", "{}".getBytes())).isNotEqualTo(one);
        assertThat(RequestFingerprint.of("POST", "/api/v1/cases", "text/csv", "{}".getBytes())).isNotEqualTo(one);
    }

    @Test
    void answersTheClientMayRetryAreNotKept() {
        assertThat(StoredAnswer.keptForReplay(201)).isTrue();
        assertThat(StoredAnswer.keptForReplay(422)).isTrue();
        assertThat(StoredAnswer.keptForReplay(409)).isTrue();
        for (int status : new int[]{401, 408, 429, 500, 502, 503, 504}) {
            assertThat(StoredAnswer.keptForReplay(status)).as("" + status).isFalse();
        }
    }

    @Test
    void rateLimitHeadersFollowTheDraft() {
        RateLimitDecision allowed = new RateLimitDecision(true, "partners", 600, Duration.ofMinutes(1), 599,
                Duration.ofMillis(100), Duration.ZERO);
        assertThat(allowed.headers()).containsEntry("RateLimit-Policy", "\"partners\";q=600;w=60")
                .containsEntry("RateLimit", "\"partners\";r=599;t=1").doesNotContainKey("Retry-After");
        RateLimitDecision refused = new RateLimitDecision(false, "partners", 600, Duration.ofMinutes(1), 0,
                Duration.ofSeconds(60), Duration.ofMillis(100));
        assertThat(refused.headers()).containsEntry("Retry-After", "1").containsEntry("RateLimit", "\"partners\";r=0;t=60");
    }
}
