package io.consilium.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Stand-ins for the services behind the aggregates (home, work queue, dashboard), each answering from the caller's
 * token as its service would: a patient's cases are their own, a personal doctor's the ones assigned to them, ops
 * sees everything; ops-only endpoints refuse other roles with 403. Unverified token payloads are read only to
 * choose the answer: the gateway has verified the token already, and the real services verify it again.
 * <p>
 * Misbehaviour by subject, since the gateway passes no test headers to parts: {@code slow-sam}'s unread count and
 * the SLA clocks of case {@link #SLOW_CLOCKS_CASE} never come; {@code olga-limited} (ops) is refused the ops queue
 * and the case activity; {@code otto-slow-activity}'s case activity never comes.
 * report-service is down (a port nothing listens on).
 */
public class AggregateStubs implements QuarkusTestResourceLifecycleManager {

    public static final String SLOW_CLOCKS_CASE = "cafe0000-0000-4000-8000-000000000003";
    /** The personal doctor's cases: the first due last, the second due first, the third's clocks never come. */
    public static final List<String> MANAGER_CASES = List.of("cafe0000-0000-4000-8000-000000000001",
            "cafe0000-0000-4000-8000-000000000002", SLOW_CLOCKS_CASE);
    /** Open dead letters per live service, as the stand-ins count them. */
    public static final Map<String, Integer> OPEN_DEAD_LETTERS = Map.of("case-service", 2, "document-service", 0,
            "specialist-service", 25, "notification-service", 1);
    /** The first day of the activity stand-in's 14 days; its 13th day has 3 cases opened and 1 closed. */
    public static final LocalDate ACTIVITY_FROM = LocalDate.parse("2026-11-20");

    private static final String[] LIVE = {"case-service", "document-service", "specialist-service", "notification-service"};

    private Vertx vertx;

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
        config.put("consilium.gateway.services.report-service.url", "http://127.0.0.1:" + closedPort());
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private void handle(String service, HttpServerRequest request) {
        JsonObject token = payload(request.getHeader("Authorization"));
        if (token == null) {
            problem(request, 401);
            return;
        }
        String subject = token.getString("sub");
        String role = token.getJsonArray("groups", new JsonArray()).isEmpty() ? "" : token.getJsonArray("groups").getString(0);
        String path = request.path();
        boolean ops = role.equals("ops");
        if (path.equals("/api/v1/ops/dead-letters")) {
            if (!ops) {
                problem(request, 403);
            } else if (!"OPEN".equals(request.getParam("status"))) {
                problem(request, 400);
            } else {
                deadLetters(request, service);
            }
            return;
        }
        switch (service + " " + path) {
            case "case-service /api/v1/cases" -> cases(request, role, subject);
            case "case-service /api/v1/ops/queue" -> {
                if (!ops || subject.equals("olga-limited")) {
                    problem(request, 403);
                } else {
                    json(request, new JsonArray()
                            .add(queued(MANAGER_CASES.get(0), "acme", "ON_TRACK", 90_000))
                            .add(queued(MANAGER_CASES.get(1), "acme", "AT_RISK", 3_600))
                            .add(queued(MANAGER_CASES.get(2), "globex", "BREACHED", -600)));
                }
            }
            case "case-service /api/v1/statistics/activity" -> activity(request, role, subject);
            case "notification-service /api/v1/me/notifications/unread-count" -> {
                if (!subject.equals("slow-sam")) {
                    json(request, new JsonObject().put("unread", 3));
                }
            }
            case "notification-service /api/v1/webhook-endpoints" -> {
                if (!ops && !role.equals("partner")) {
                    problem(request, 403);
                } else {
                    json(request, page(new JsonArray()
                            .add(endpoint("e1", true, null, null))
                            .add(endpoint("e2", true, "2026-12-01T08:00:00Z", null))
                            .add(endpoint("e3", false, "2026-11-28T08:00:00Z", "failing for 3 days")), 3));
                }
            }
            default -> {
                if (service.equals("case-service") && path.startsWith("/api/v1/cases/") && path.endsWith("/sla")) {
                    clocks(request, path.split("/")[4]);
                } else {
                    problem(request, 404);
                }
            }
        }
    }

    /** case-service's list: the caller's own cases (patient), assigned ones (personal doctor), all (ops). */
    private void cases(HttpServerRequest request, String role, String subject) {
        int page = Integer.parseInt(request.getParam("page", "0"));
        int size = Integer.parseInt(request.getParam("size", "20"));
        switch (role) {
            case "patient" -> json(request, page(new JsonArray()
                    .add(summary("cafe0000-0000-4000-8000-0000000000a1", "COLLECTING_RECORDS", subject, null))
                    .add(summary("cafe0000-0000-4000-8000-0000000000a2", "IN_REVIEW", subject, null))
                    .add(summary("cafe0000-0000-4000-8000-0000000000a3", "REPORT_DELIVERED", subject, null))
                    .add(summary("cafe0000-0000-4000-8000-0000000000a4", "CLOSED", subject, null)), 4)
                    .put("page", page).put("size", size));
            case "case-manager" -> json(request, page(new JsonArray()
                    .add(summary(MANAGER_CASES.get(0), "COLLECTING_RECORDS", "m-1", subject))
                    .add(summary(MANAGER_CASES.get(1), "IN_REVIEW", "m-2", subject))
                    .add(summary(MANAGER_CASES.get(2), "MANAGER_ASSIGNED", "m-3", subject)), 3)
                    .put("page", page).put("size", size));
            case "ops" -> {
                // per state: the state's position in the word plus one, another figure for one tenant
                String state = request.getParam("state");
                int total = state == null ? 99 : state.length() + ("acme".equals(request.getParam("tenant")) ? 0 : 100);
                json(request, page(new JsonArray(), total).put("page", page).put("size", size));
            }
            default -> problem(request, 403);
        }
    }

    /** A service's dead letters: the first {@code size} of its open ones, each as the platform lists it. */
    private static void deadLetters(HttpServerRequest request, String service) {
        int total = OPEN_DEAD_LETTERS.get(service);
        int size = Integer.parseInt(request.getParam("size", "20"));
        JsonArray items = new JsonArray();
        for (int i = 0; i < Math.min(size, total); i++) {
            items.add(new JsonObject().put("id", service + "-dl-" + i).put("consumer", service + "-consumer")
                    .put("eventType", "consilium.test.event.v1").put("status", "OPEN").put("attempts", 5)
                    .put("error", "boom " + i));
        }
        json(request, page(items, total).put("size", size));
    }

    /** case-service's activity for ops: two tenants (one when narrowed to acme), 14 days with one busy day. */
    private void activity(HttpServerRequest request, String role, String subject) {
        if (!role.equals("ops") || subject.equals("olga-limited")) {
            problem(request, 403);
            return;
        }
        if (subject.equals("otto-slow-activity")) {
            return; // never answers
        }
        if (!"14".equals(request.getParam("days"))) {
            problem(request, 400);
            return;
        }
        String tenant = request.getParam("tenant");
        JsonObject byTenant = new JsonObject().put("acme", new JsonObject().put("DRAFT", 2).put("CLOSED", 1));
        if (tenant == null) {
            byTenant.put("globex", new JsonObject().put("IN_REVIEW", 4));
        }
        JsonArray days = new JsonArray();
        for (int i = 0; i < 14; i++) {
            days.add(new JsonObject().put("date", ACTIVITY_FROM.plusDays(i).toString())
                    .put("opened", i == 12 ? 3 : 0).put("closed", i == 12 ? 1 : 0));
        }
        json(request, new JsonObject().put("tenant", tenant).put("from", ACTIVITY_FROM.toString())
                .put("to", ACTIVITY_FROM.plusDays(13).toString()).put("casesByTenant", byTenant).put("days", days));
    }

    private void clocks(HttpServerRequest request, String caseId) {
        if (caseId.equals(SLOW_CLOCKS_CASE)) {
            return; // never answers
        }
        String dueAt = caseId.equals(MANAGER_CASES.get(0)) ? "2026-12-20T00:00:00Z" : "2026-12-03T00:00:00Z";
        json(request, new JsonArray()
                .add(new JsonObject().put("kind", "RECORDS").put("status", "MET").put("dueAt", "2026-11-01T00:00:00Z")
                        .put("paused", false))
                .add(new JsonObject().put("kind", "REVIEW").put("status", "ON_TRACK").put("dueAt", dueAt)
                        .put("paused", false)));
    }

    private static JsonObject summary(String id, String state, String memberId, String managerId) {
        return new JsonObject().put("id", id).put("tenant", "acme").put("memberId", memberId).put("state", state)
                .put("managerId", managerId);
    }

    private static JsonObject queued(String caseId, String tenant, String status, long secondsLeft) {
        return new JsonObject().put("caseId", caseId).put("tenant", tenant).put("state", "IN_REVIEW")
                .put("clock", "REVIEW").put("status", status).put("secondsLeft", secondsLeft).put("paused", false);
    }

    private static JsonObject endpoint(String id, boolean enabled, String failingSince, String disabledReason) {
        return new JsonObject().put("id", id).put("tenant", "acme").put("url", "https://hooks.acme.test/" + id)
                .put("enabled", enabled).put("failingSince", failingSince).put("disabledReason", disabledReason);
    }

    private static JsonObject page(JsonArray items, int total) {
        return new JsonObject().put("items", items).put("page", 0).put("size", 20).put("total", total);
    }

    private static void json(HttpServerRequest request, Object body) {
        request.response().putHeader("Content-Type", "application/json").end(body.toString());
    }

    private static void problem(HttpServerRequest request, int status) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "urn:stub:problem").put("status", status).encode());
    }

    private static JsonObject payload(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length < 2) {
            return null;
        }
        return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
