package io.consilium.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The suite as README's start command runs it (deploy/local/start.sh): its addresses, and plain HTTP calls with real
 * Keycloak tokens for setting a scene up and for checking what a page showed against what the API says.
 */
public final class Suite {

    public static final String GATEWAY = setting("e2e.gateway", "http://127.0.0.1:8080");
    public static final String KEYCLOAK = setting("e2e.keycloak", "http://127.0.0.1:8180/realms/consilium");
    /** The services' own ports, for operators and for comparing a service's own document with the gateway's. */
    public static final Map<String, String> SERVICES = Map.of(
            "case-service", "http://127.0.0.1:8081",
            "document-service", "http://127.0.0.1:8082",
            "specialist-service", "http://127.0.0.1:8083",
            "report-service", "http://127.0.0.1:8084",
            "notification-service", "http://127.0.0.1:8085");
    public static final String JDBC = setting("e2e.jdbc", "jdbc:postgresql://127.0.0.1:" + System.getenv().getOrDefault("PG_PORT", "5432") + "/");
    /** The repository's root (the e2e module's parent), where .local/ holds the suite's logs. */
    public static final Path ROOT = Path.of("").toAbsolutePath().getFileName().toString().equals("e2e")
            ? Path.of("").toAbsolutePath().getParent() : Path.of("").toAbsolutePath();

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Suite() {
    }

    private static String setting(String name, String fallback) {
        return System.getProperty(name, fallback);
    }

    /** A user's access token (password grant of the local realm's consilium-app client; password {@code <user>-pw}). */
    public static String userToken(String user) {
        return token(Map.of("grant_type", "password", "client_id", "consilium-app", "username", user,
                "password", user + "-pw", "scope", "openid"));
    }

    /** A partner's access token (client credentials; secret {@code <name>-secret} as in the local realm). */
    public static String partnerToken(String client) {
        return token(Map.of("grant_type", "client_credentials", "client_id", client,
                "client_secret", client.substring("partner-".length()) + "-secret"));
    }

    private static String token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Answer answer = send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (answer.status() != 200) {
            throw new AssertionError("Keycloak refused a token for " + form.get("username") + form.get("client_id") + ": " + answer);
        }
        return answer.json().path("access_token").asText();
    }

    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    public static Answer get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    public static Answer post(String url, String token, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.body());
        } catch (IOException e) {
            throw new AssertionError("the suite does not answer (start it: deploy/local/start.sh): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * The gateway's combined OpenAPI document once it holds every service's: a service still starting when the
     * gateway started is fetched again within seconds, and a test (or Swagger UI, which reads the document once)
     * must not start from a document that still misses one.
     */
    public static JsonNode combinedDocument() {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode document = get(GATEWAY + "/api/v1/openapi.json", null).json();
            boolean complete = document.path("x-consilium-missing-services").isEmpty()
                    && document.path("x-consilium-stale-services").isEmpty();
            if (complete || System.nanoTime() > until) {
                return document;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** JSON text as a tree (a story's own request bodies). */
    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** A claim of a JWT, read without verifying it (the services verify; a test only wants, e.g., the member id). */
    public static String claim(String token, String name) {
        try {
            byte[] payload = java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]);
            return JSON.readTree(payload).path(name).asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
