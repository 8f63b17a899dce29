package io.consilium.notification.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service account's access token by the JWT bearer grant, against a WireMock token endpoint: the assertion is
 * verified here with the account's public key, and the token is reused until shortly before it expires.
 */
class ServiceAccountTokensTest {

    static WireMockServer google;
    static KeyPair keys;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        google = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        google.start();
        google.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"ya29.from-google\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    @AfterAll
    static void stop() {
        google.stop();
    }

    String keyFile() {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return json.createObjectNode().put("type", "service_account").put("client_email", "push@demo.iam.gserviceaccount.com")
                .put("private_key", pem).put("token_uri", google.baseUrl() + "/token").toString();
    }

    static class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aSignedJwtIsExchangedForATokenThatIsReusedUntilItNearlyExpires() throws Exception {
        google.resetRequests();
        MovableClock clock = new MovableClock();
        ServiceAccountTokens tokens = ServiceAccountTokens.fromKeyFile(keyFile(), HttpClient.newHttpClient(), clock,
                Duration.ofSeconds(2), json);
        assertThat(tokens.token()).isEqualTo("ya29.from-google");
        assertThat(tokens.token()).isEqualTo("ya29.from-google");
        List<LoggedRequest> requests = google.findAll(postRequestedFor(urlEqualTo("/token")));
        assertThat(requests).hasSize(1);

        String form = requests.get(0).getBodyAsString();
        assertThat(form).startsWith("grant_type=" + java.net.URLEncoder.encode(ServiceAccountTokens.GRANT, StandardCharsets.UTF_8));
        String jwt = URLDecoder.decode(form.substring(form.indexOf("assertion=") + "assertion=".length()), StandardCharsets.UTF_8);
        String[] parts = jwt.split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(keys.getPublic());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(claims.path("iss").asText()).isEqualTo("push@demo.iam.gserviceaccount.com");
        assertThat(claims.path("scope").asText()).isEqualTo("https://www.googleapis.com/auth/firebase.messaging");
        assertThat(claims.path("aud").asText()).isEqualTo(google.baseUrl() + "/token");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3600);

        // 58 minutes on: still the same; a minute before expiry: a new exchange; after a 401: a new one too
        clock.now = clock.now.plus(Duration.ofMinutes(58));
        tokens.token();
        assertThat(google.findAll(postRequestedFor(urlEqualTo("/token")))).hasSize(1);
        clock.now = clock.now.plus(Duration.ofSeconds(61));
        tokens.token();
        assertThat(google.findAll(postRequestedFor(urlEqualTo("/token")))).hasSize(2);
        tokens.invalidate();
        tokens.token();
        assertThat(google.findAll(postRequestedFor(urlEqualTo("/token")))).hasSize(3);
    }
}
