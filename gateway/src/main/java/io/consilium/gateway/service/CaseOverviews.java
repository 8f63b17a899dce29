package io.consilium.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.consilium.gateway.config.AggregateConfig;
import io.consilium.gateway.domain.AggregatePart;
import io.consilium.gateway.proxy.Upstreams;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The case overview: the case and what every service knows about it, fetched in parallel with the caller's own
 * token, so each service decides what this caller may see, exactly as if asked directly. Parts that do not come in
 * within {@code consilium.gateway.aggregates.timeout} are named as missing; the answer is never late and never a 500.
 */
@ApplicationScoped
public class CaseOverviews {

    /** The case part decides whether there is an overview at all (a case the caller may not see is its 404). */
    public static final String CASE = "case";

    private final Vertx vertx;
    private final Upstreams upstreams;
    private final AggregateConfig config;
    private final ObjectMapper json;

    CaseOverviews(Vertx vertx, Upstreams upstreams, AggregateConfig config, ObjectMapper json) {
        this.vertx = vertx;
        this.upstreams = upstreams;
        this.config = config;
        this.json = json;
    }

    static List<AggregatePart> parts(UUID caseId) {
        String c = "/api/v1/cases/" + caseId;
        return List.of(
                new AggregatePart(CASE, "case-service", c),
                new AggregatePart("timeline", "case-service", c + "/timeline"),
                new AggregatePart("sla", "case-service", c + "/sla"),
                new AggregatePart("checklist", "document-service", c + "/checklist"),
                new AggregatePart("specimens", "document-service", c + "/specimens"),
                new AggregatePart("panel", "specialist-service", c + "/panel"),
                new AggregatePart("reports", "report-service", c + "/reports"),
                new AggregatePart("notifications", "notification-service", "/api/v1/me/notifications?size=100"));
    }

    /** A part as it came back: its outcome, its JSON when shown, and the service's answer for the case part. */
    public record Fetched(AggregatePart part, AggregatePart.Outcome outcome, int status, JsonNode body, byte[] raw,
                          String contentType) {
    }

    /** Every part, each within the deadline; the future never fails. */
    public Future<Map<String, Fetched>> fetch(UUID caseId, MultiMap callerHeaders) {
        List<Future<Fetched>> all = new ArrayList<>();
        for (AggregatePart part : parts(caseId)) {
            all.add(withDeadline(part, fetch(part, callerHeaders, caseId)));
        }
        return Future.join(all).transform(done -> {
            Map<String, Fetched> parts = new LinkedHashMap<>();
            all.forEach(f -> parts.put(f.result().part().name(), f.result()));
            return Future.succeededFuture(parts);
        });
    }

    private Future<Fetched> fetch(AggregatePart part, MultiMap headers, UUID caseId) {
        return upstreams.service(part.service()).getOnce(part.path(), headers, config.timeout())
                .compose(response -> response.body().map(body -> read(part, response.statusCode(),
                        response.getHeader("Content-Type"), body.getBytes(), caseId)))
                .otherwise(failure -> missing(part));
    }

    private Future<Fetched> withDeadline(AggregatePart part, Future<Fetched> fetched) {
        Promise<Fetched> result = Promise.promise();
        long timer = vertx.setTimer(config.timeout().toMillis(), id -> result.tryComplete(missing(part)));
        fetched.onComplete(done -> {
            vertx.cancelTimer(timer);
            result.tryComplete(done.succeeded() ? done.result() : missing(part));
        });
        return result.future();
    }

    private Fetched read(AggregatePart part, int status, String contentType, byte[] raw, UUID caseId) {
        AggregatePart.Outcome outcome = AggregatePart.Outcome.of(status);
        if (outcome != AggregatePart.Outcome.SHOWN) {
            return new Fetched(part, outcome, status, null, raw, contentType);
        }
        try {
            JsonNode body = json.readTree(raw);
            if (part.name().equals("notifications")) {
                body = unreadAbout(body, caseId);
            }
            return new Fetched(part, outcome, status, body, null, contentType);
        } catch (IOException e) {
            return missing(part);
        }
    }

    /** The caller's unread notifications about this case, from the first page of their inbox. */
    private JsonNode unreadAbout(JsonNode page, UUID caseId) {
        ArrayNode items = json.createArrayNode();
        for (JsonNode item : page.path("items")) {
            if (caseId.toString().equals(item.path("caseId").asText()) && item.path("readAt").isNull()) {
                items.add(item);
            }
        }
        ObjectNode unread = json.createObjectNode();
        unread.put("unread", items.size());
        unread.set("items", items);
        return unread;
    }

    private static Fetched missing(AggregatePart part) {
        return new Fetched(part, AggregatePart.Outcome.MISSING, 0, null, null, null);
    }
}
