package io.consilium.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.consilium.gateway.domain.AggregatePart;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The personal doctor's work queue: one page of the caller's cases (case-service lists a personal doctor the cases
 * assigned to them), then each case's SLA clocks, all with the caller's own token. Two rounds, since the clocks are
 * per case; the second gets what the first left of the aggregate timeout, so the whole answer is still in time.
 */
@ApplicationScoped
public class WorkQueues {

    public static final String CASES = "cases";
    /** A case's clocks are the part {@code sla:<caseId>}. */
    public static final String SLA_PREFIX = "sla:";

    private final PartFetcher fetcher;

    WorkQueues(PartFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** The cases part, and the clocks of each case it lists, by part name. */
    public record Fetched(FetchedPart cases, Map<String, FetchedPart> clocks) {
    }

    public Future<Fetched> fetch(int page, int size, MultiMap callerHeaders) {
        long start = System.nanoTime();
        AggregatePart cases = new AggregatePart(CASES, "case-service", "/api/v1/cases?page=" + page + "&size=" + size);
        return fetcher.fetchAll(List.of(cases), callerHeaders).compose(first -> {
            FetchedPart listed = first.get(CASES);
            if (!listed.shown()) {
                return Future.succeededFuture(new Fetched(listed, Map.of()));
            }
            Duration left = fetcher.timeout().minusNanos(System.nanoTime() - start);
            return fetcher.fetchAll(clockParts(listed.body()), callerHeaders, left)
                    .map(clocks -> new Fetched(listed, clocks));
        });
    }

    private static List<AggregatePart> clockParts(JsonNode page) {
        List<AggregatePart> parts = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            String id = item.path("id").asText();
            // ids come from case-service; one that is not a plain id is not put into a path
            if (id.matches("[0-9a-fA-F-]{36}")) {
                parts.add(new AggregatePart(SLA_PREFIX + id, "case-service", "/api/v1/cases/" + id + "/sla"));
            }
        }
        return parts;
    }
}
