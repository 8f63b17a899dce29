package io.consilium.notification.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Access tokens for FCM from a Google service account, by the OAuth 2.0 JWT bearer grant (RFC 7523) Google documents
 * for server-to-server calls: a JWT naming the account ({@code iss}), the scope and the token endpoint
 * ({@code aud}), signed RS256 with the account's private key, exchanged at {@code token_uri} for an access token.
 * The token is kept until a minute before it expires, so one exchange serves every push of the hour.
 */
public class ServiceAccountTokens implements AccessTokens {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    static final String GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final Duration EARLY = Duration.ofMinutes(1);

    private final String clientEmail;
    private final PrivateKey key;
    private final URI tokenUri;
    private final HttpClient http;
    private final Clock clock;
    private final Duration timeout;
    private final ObjectMapper json;
    private String token;
    private Instant expiresAt = Instant.MIN;

    public ServiceAccountTokens(String clientEmail, PrivateKey key, URI tokenUri, HttpClient http, Clock clock,
                                Duration timeout, ObjectMapper json) {
        this.clientEmail = clientEmail;
        this.key = key;
        this.tokenUri = tokenUri;
        this.http = http;
        this.clock = clock;
        this.timeout = timeout;
        this.json = json;
    }

    /** From a service account key file as Google issues it (JSON: client_email, private_key PEM, token_uri). */
    public static ServiceAccountTokens fromKeyFile(String keyFileJson, HttpClient http, Clock clock, Duration timeout,
                                                   ObjectMapper json) {
        try {
            JsonNode file = json.readTree(keyFileJson);
            String pem = file.path("private_key").asText();
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            String uri = file.path("token_uri").asText("https://oauth2.googleapis.com/token");
            return new ServiceAccountTokens(file.path("client_email").asText(), key, URI.create(uri), http, clock,
                    timeout, json);
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The FCM service account key file is not usable: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized String token() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(expiresAt.minus(EARLY))) {
            fetch(now);
        }
        return token;
    }

    @Override
    public synchronized void invalidate() {
        token = null;
    }

    private void fetch(Instant now) {
        String form = "grant_type=" + URLEncoder.encode(GRANT, StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(assertion(now), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(tokenUri).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The token endpoint answered " + response.statusCode());
            }
            JsonNode body = json.readTree(response.body());
            token = body.path("access_token").asText(null);
            if (token == null) {
                throw new IllegalStateException("The token endpoint's answer holds no access_token");
            }
            expiresAt = now.plusSeconds(body.path("expires_in").asLong(LIFETIME.toSeconds()));
        } catch (IOException e) {
            throw new UncheckedIOException("The token endpoint did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching an FCM access token", e);
        }
    }

    String assertion(Instant now) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        try {
            String header = b64.encodeToString(json.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String claims = b64.encodeToString(json.writeValueAsBytes(Map.of(
                    "iss", clientEmail, "scope", SCOPE, "aud", tokenUri.toString(),
                    "iat", now.getEpochSecond(), "exp", now.plus(LIFETIME).getEpochSecond())));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + b64.encodeToString(rsa.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Signing the service account's JWT failed", e);
        }
    }
}
