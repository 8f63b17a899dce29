package io.consilium.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Somebody who calls the suite through the gateway, as a client would: a user of the local realm (password grant),
 * a partner system (client credentials) or nobody (no token). Each call carries the caller's current Keycloak token;
 * a token older than {@link #RENEW_AFTER} is fetched again, so a story longer than its lifetime keeps working.
 */
public final class Caller {

    private static final Duration RENEW_AFTER = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final java.util.function.Supplier<String> tokens;
    private String token;
    private Instant fetched = Instant.EPOCH;

    private Caller(String name, java.util.function.Supplier<String> tokens) {
        this.name = name;
        this.tokens = tokens;
    }

    public static Caller user(String user) {
        return new Caller(user, () -> Suite.userToken(user));
    }

    public static Caller partner(String client) {
        return new Caller(client, () -> Suite.partnerToken(client));
    }

    public static Caller nobody() {
        return new Caller("nobody", () -> null);
    }

    public String name() {
        return name;
    }

    public synchronized String token() {
        if (Instant.now().isAfter(fetched.plus(RENEW_AFTER))) {
            token = tokens.get();
            fetched = Instant.now();
        }
        return token;
    }

    /** The token's {@code sub}: the id the services know this caller by. */
    public String subject() {
        return Suite.claim(token(), "sub");
    }

    /** A claim of the caller's token, e.g. the member id a patient's account carries. */
    public String claim(String claim) {
        return Suite.claim(token(), claim);
    }

    public Reply get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    public Reply get(String path, Map<String, String> headers) {
        return send("GET", path, null, null, headers);
    }

    public Reply post(String path) {
        return send("POST", path, null, null, Map.of());
    }

    public Reply post(String path, String json) {
        return send("POST", path, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
    }

    public Reply post(String path, String contentType, byte[] body) {
        return send("POST", path, contentType, body, Map.of());
    }

    public Reply put(String path, String json) {
        return send("PUT", path, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
    }

    /** A change guarded by the resource's current ETag (read first), as the services ask for on shared resources. */
    public Reply putIfMatch(String path, String etagOf, String json) {
        String etag = get(etagOf).expect(200).header("ETag").orElseThrow(() -> new AssertionError(etagOf + " has no ETag"));
        return send("PUT", path, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("If-Match", etag));
    }

    public Reply postIfMatch(String path, String etag, String json) {
        return send("POST", path, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("If-Match", etag));
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, null, Map.of());
    }

    /**
     * One call. {@code path} is the gateway's ({@code /api/v1/...}) or a whole URL. Every POST carries a fresh
     * Idempotency-Key, as a careful client sends it.
     */
    public Reply send(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        String url = path.startsWith("http") ? path : Suite.GATEWAY + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        String bearer = token();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (method.equals("POST") && !all.containsKey("Idempotency-Key")) {
            all.put("Idempotency-Key", UUID.randomUUID().toString());
        }
        all.forEach(request::header);
        try {
            HttpResponse<byte[]> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(method, url.replace(Suite.GATEWAY, "") + " (" + name + ")", answer.statusCode(),
                    answer.headers().map(), answer.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + url + ": the suite does not answer (start it: deploy/local/start.sh): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
