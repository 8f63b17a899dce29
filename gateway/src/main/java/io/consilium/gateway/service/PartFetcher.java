package io.consilium.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.gateway.config.AggregateConfig;
import io.consilium.gateway.domain.AggregatePart;
import io.consilium.gateway.proxy.Upstreams;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fetches the parts of an aggregate in parallel, each with the caller's own headers (so each service decides what
 * this caller may see, exactly as if asked directly), each within a deadline: a part not in by then, or whose
 * service fails, is {@code MISSING}. The future never fails, so an aggregate is never late and never a 500.
 */
@ApplicationScoped
public class PartFetcher {

    private final Vertx vertx;
    private final Upstreams upstreams;
    private final AggregateConfig config;
    private final ObjectMapper json;

    PartFetcher(Vertx vertx, Upstreams upstreams, AggregateConfig config, ObjectMapper json) {
        this.vertx = vertx;
        this.upstreams = upstreams;
        this.config = config;
        this.json = json;
    }

    /** The aggregate timeout: for aggregates that fetch in two rounds and share it between them. */
    public Duration timeout() {
        return config.timeout();
    }

    /** Every part within the aggregate timeout, by name in the given order. */
    public Future<Map<String, FetchedPart>> fetchAll(List<AggregatePart> parts, MultiMap callerHeaders) {
        return fetchAll(parts, callerHeaders, config.timeout());
    }

    /** Every part within {@code within} (a second round gets what the first left of the timeout). */
    public Future<Map<String, FetchedPart>> fetchAll(List<AggregatePart> parts, MultiMap callerHeaders, Duration within) {
        // a first round that used up the timeout leaves a second no time: its parts are missing at once
        Duration deadline = within.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : within;
        List<Future<FetchedPart>> all = new ArrayList<>();
        for (AggregatePart part : parts) {
            all.add(withDeadline(part, fetch(part, callerHeaders, deadline), deadline));
        }
        return Future.join(all).transform(done -> {
            Map<String, FetchedPart> fetched = new LinkedHashMap<>();
            all.forEach(f -> fetched.put(f.result().part().name(), f.result()));
            return Future.succeededFuture(fetched);
        });
    }

    private Future<FetchedPart> fetch(AggregatePart part, MultiMap headers, Duration deadline) {
        try {
            return upstreams.service(part.service()).getOnce(part.path(), headers, deadline)
                    .compose(response -> response.body().map(body -> read(part, response.statusCode(),
                            response.getHeader("Content-Type"), body.getBytes())))
                    .otherwise(failure -> FetchedPart.missing(part));
        } catch (RuntimeException e) {
            // an unknown service or a request that could not be sent: missing, never a 500
            return Future.succeededFuture(FetchedPart.missing(part));
        }
    }

    private Future<FetchedPart> withDeadline(AggregatePart part, Future<FetchedPart> fetched, Duration deadline) {
        Promise<FetchedPart> result = Promise.promise();
        long timer = vertx.setTimer(deadline.toMillis(), id -> result.tryComplete(FetchedPart.missing(part)));
        fetched.onComplete(done -> {
            vertx.cancelTimer(timer);
            result.tryComplete(done.succeeded() ? done.result() : FetchedPart.missing(part));
        });
        return result.future();
    }

    private FetchedPart read(AggregatePart part, int status, String contentType, byte[] raw) {
        AggregatePart.Outcome outcome = AggregatePart.Outcome.of(status);
        if (outcome != AggregatePart.Outcome.SHOWN) {
            return new FetchedPart(part, outcome, status, null, raw, contentType);
        }
        try {
            JsonNode body = json.readTree(raw);
            return new FetchedPart(part, outcome, status, body, null, contentType);
        } catch (IOException e) {
            return FetchedPart.missing(part);
        }
    }
}
