package io.consilium.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Small HTTP servers standing in for the services, one port per service name, so a test sees which service a path
 * went to. Behaviour by request header (the gateway passes them on): {@code X-Stub-Status} answers that status with a
 * problem body, {@code X-Stub-Delay-Ms} waits before answering, {@code X-Stub-Hang} never answers,
 * {@code X-Stub-Html} answers HTML, {@code X-Stub-Download-Bytes} streams that many bytes (half, then the rest once
 * {@code /__stub/release/<counter>} is called). Otherwise the answer echoes the request as JSON: service, method, uri,
 * headers, bytes and SHA-256 of the body.
 * <p>
 * {@code X-Stub-Counter: name} counts arrivals ({@code /__stub/count/name}), complete bodies
 * ({@code /__stub/completed/name}) and bytes received so far ({@code /__stub/received/name}), read over HTTP on the
 * stub's own port, never through static state (the tests run in Quarkus' class loader).
 * <p>
 * notification-service points at a port nothing listens on: a service that is down.
 */
public class UpstreamStubs implements QuarkusTestResourceLifecycleManager {

    public static final String[] LIVE = {"case-service", "document-service", "specialist-service", "report-service"};

    private Vertx vertx;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> completed = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> received = new ConcurrentHashMap<>();
    private final Map<String, Runnable> releases = new ConcurrentHashMap<>();
    /** Per service: the revision of its OpenAPI document, and whether /q/openapi fails (a service gone). */
    private final Map<String, AtomicLong> openApiRevisions = new ConcurrentHashMap<>();
    private final Map<String, Boolean> openApiDown = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : LIVE) {
            HttpServer server = vertx.createHttpServer().requestHandler(request -> handle(service, request));
            try {
                server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("stub for " + service + " did not start", e);
            }
            config.put("consilium.gateway.services." + service + ".url", "http://127.0.0.1:" + server.actualPort());
        }
        config.put("consilium.gateway.services.notification-service.url", "http://127.0.0.1:" + closedPort());
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(String service, HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/q/openapi")) {
            openApi(service, request);
            return;
        }
        if (path.startsWith("/__stub/openapi/")) {
            openApiControl(service, request, path.substring("/__stub/openapi/".length()));
            return;
        }
        if (path.startsWith("/__stub/")) {
            control(request, path.substring("/__stub/".length()));
            return;
        }
        String counter = request.getHeader("X-Stub-Counter");
        if (counter != null) {
            counts.computeIfAbsent(counter, k -> new AtomicLong()).incrementAndGet();
        }
        AtomicLong bytes = counter == null ? new AtomicLong() : received.computeIfAbsent(counter, k -> new AtomicLong());
        MessageDigest digest = sha256();
        request.handler(chunk -> {
            bytes.addAndGet(chunk.length());
            digest.update(chunk.getBytes());
        });
        request.endHandler(v -> {
            if (counter != null) {
                completed.computeIfAbsent(counter, k -> new AtomicLong()).incrementAndGet();
            }
            if (request.getHeader("X-Stub-Hang") != null) {
                return;
            }
            long delay = request.getHeader("X-Stub-Delay-Ms") == null ? 0 : Long.parseLong(request.getHeader("X-Stub-Delay-Ms"));
            Runnable answer = () -> answer(service, request, bytes.get(), HexFormat.of().formatHex(digest.digest()));
            if (delay > 0) {
                vertx.setTimer(delay, id -> answer.run());
            } else {
                answer.run();
            }
        });
    }

    /** Case ids whose parts misbehave, for the aggregates' tests (the gateway sends no test headers to parts). */
    public static final String SLOW_PANEL_CASE = "deadbeef-0000-4000-8000-000000000001";
    public static final String HIDDEN_CASE = "deadbeef-0000-4000-8000-000000000404";
    /** Its reports part answers after 1.5 s, past the aggregates' 1 s deadline in tests. */
    public static final String SLOW_REPORTS_CASE = "deadbeef-0000-4000-8000-000000000002";

    private void answer(String service, HttpServerRequest request, long bytes, String sha256) {
        if (request.path().equals("/api/v1/cases/" + SLOW_REPORTS_CASE + "/reports")) {
            vertx.setTimer(1500, id -> answerNow(service, request, bytes, sha256));
        } else {
            answerNow(service, request, bytes, sha256);
        }
    }

    private void answerNow(String service, HttpServerRequest request, long bytes, String sha256) {
        var response = request.response();
        String status = request.getHeader("X-Stub-Status");
        String path = request.path();
        if (path.equals("/api/v1/cases/" + SLOW_PANEL_CASE + "/panel")) {
            return; // never answers
        }
        if (path.equals("/api/v1/cases/" + SLOW_PANEL_CASE + "/reports")) {
            status = "403";
        }
        if (path.equals("/api/v1/cases/" + HIDDEN_CASE)) {
            status = "404";
        }

        if (status != null) {
            response.setStatusCode(Integer.parseInt(status)).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("type", "urn:stub:problem").put("title", "from the service")
                            .put("status", Integer.parseInt(status)).put("service", service).encode());
            return;
        }
        if (request.getHeader("X-Stub-Html") != null) {
            response.putHeader("Content-Type", "text/html; charset=utf-8").end("<html><body>hello</body></html>");
            return;
        }
        if (request.getHeader("X-Stub-Download-Bytes") != null) {
            download(request, Long.parseLong(request.getHeader("X-Stub-Download-Bytes")));
            return;
        }
        if (path.startsWith("/api/v1/uploads") && request.method().name().equals("POST")) {
            response.setStatusCode(201).putHeader("Tus-Resumable", "1.0.0")
                    .putHeader("Location", "http://127.0.0.1:" + request.localAddress().port() + "/api/v1/uploads/"
                            + "0e9d6c1a-3b7f-4e2a-8c5d-9f1b2a4c6e80")
                    .putHeader("Upload-Expires", "Thu, 03 Dec 2026 10:00:00 GMT").end();
            return;
        }
        if (path.startsWith("/api/v1/uploads") && request.method().name().equals("HEAD")) {
            response.setStatusCode(200).putHeader("Tus-Resumable", "1.0.0").putHeader("Upload-Offset", "3")
                    .putHeader("Upload-Length", "5").putHeader("Cache-Control", "no-store").end();
            return;
        }
        if (path.startsWith("/api/v1/uploads") && request.method().name().equals("PATCH")) {
            long offset = Long.parseLong(request.getHeader("Upload-Offset") == null ? "0" : request.getHeader("Upload-Offset"));
            response.setStatusCode(204).putHeader("Tus-Resumable", "1.0.0")
                    .putHeader("Upload-Offset", Long.toString(offset + bytes))
                    .putHeader("X-Stub-Sha256", sha256).end();
            return;
        }
        JsonObject headers = new JsonObject();
        request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
        JsonObject echo = new JsonObject().put("service", service).put("method", request.method().name())
                .put("uri", request.uri()).put("headers", headers).put("bytes", bytes).put("sha256", sha256)
                .put("id", UUID.randomUUID().toString());
        response.setStatusCode(request.method().name().equals("POST") ? 201 : 200)
                .putHeader("Content-Type", "application/json").putHeader("ETag", "\"7\"").end(echo.encode());
    }

    /** Streams {@code size} bytes of a fixed pattern; the second half only after the test released it. */
    private void download(HttpServerRequest request, long size) {
        String counter = request.getHeader("X-Stub-Counter");
        var response = request.response();
        long from = 0;
        long to = size - 1;
        String range = request.getHeader("Range");
        if (range != null && range.startsWith("bytes=")) {
            String[] parts = range.substring(6).split("-");
            from = Long.parseLong(parts[0]);
            if (parts.length > 1 && !parts[1].isEmpty()) {
                to = Math.min(to, Long.parseLong(parts[1]));
            }
            response.setStatusCode(206).putHeader("Content-Range", "bytes " + from + "-" + to + "/" + size);
        }
        long length = to - from + 1;
        response.putHeader("Content-Length", Long.toString(length)).putHeader("ETag", "\"doc-1\"")
                .putHeader("Accept-Ranges", "bytes").putHeader("Content-Type", "application/octet-stream");
        long half = from + length / 2;
        long end = to;
        // registered before the first byte: the release may come while the first half is still being written
        io.vertx.core.Promise<Void> released = io.vertx.core.Promise.promise();
        if (counter == null) {
            released.complete();
        } else {
            var context = vertx.getOrCreateContext();
            releases.put(counter, () -> context.runOnContext(v -> released.tryComplete()));
        }
        write(response, from, half, () -> released.future().onComplete(v -> write(response, half, end + 1, response::end)));
    }

    private void write(io.vertx.core.http.HttpServerResponse response, long from, long to, Runnable then) {
        long position = from;
        while (position < to && !response.writeQueueFull()) {
            int n = (int) Math.min(64 * 1024, to - position);
            response.write(pattern(position, n));
            position += n;
        }
        if (position >= to) {
            then.run();
            return;
        }
        long next = position;
        response.drainHandler(v -> write(response, next, to, then));
    }

    /** Byte i of every stream is (i * 31 + 7) mod 251: the test computes the same. */
    public static Buffer pattern(long offset, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (((offset + i) * 31 + 7) % 251);
        }
        return Buffer.buffer(bytes);
    }

    private void control(HttpServerRequest request, String what) {
        String[] parts = what.split("/", 2);
        String name = parts.length > 1 ? parts[1] : "";
        long value = switch (parts[0]) {
            case "count" -> counts.getOrDefault(name, new AtomicLong()).get();
            case "completed" -> completed.getOrDefault(name, new AtomicLong()).get();
            case "received" -> received.getOrDefault(name, new AtomicLong()).get();
            case "release" -> {
                Runnable release = releases.remove(name);
                if (release != null) {
                    release.run();
                }
                yield release == null ? 0 : 1;
            }
            default -> -1;
        };
        request.response().putHeader("Content-Type", "text/plain").end(Long.toString(value));
    }

    /**
     * A small OpenAPI document per service ({@link StubDocuments}); {@code /__stub/openapi/revise} adds an operation
     * (the next revision), {@code /__stub/openapi/down} makes /q/openapi answer 503, {@code /__stub/openapi/up} undoes.
     */
    private void openApi(String service, HttpServerRequest request) {
        if (openApiDown.getOrDefault(service, false)) {
            request.response().setStatusCode(503).putHeader("Content-Type", "text/plain").end("down");
            return;
        }
        long revision = openApiRevisions.computeIfAbsent(service, k -> new AtomicLong()).get();
        request.response().putHeader("Content-Type", "application/json").end(StubDocuments.of(service, revision).encode());
    }

    private void openApiControl(String service, HttpServerRequest request, String what) {
        long value = switch (what) {
            case "revise" -> openApiRevisions.computeIfAbsent(service, k -> new AtomicLong()).incrementAndGet();
            case "down" -> {
                openApiDown.put(service, true);
                yield 1;
            }
            case "up" -> {
                openApiDown.put(service, false);
                yield 0;
            }
            default -> -1;
        };
        request.response().putHeader("Content-Type", "text/plain").end(Long.toString(value));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
