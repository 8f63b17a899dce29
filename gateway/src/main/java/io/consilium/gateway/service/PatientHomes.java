package io.consilium.gateway.service;

import io.consilium.gateway.domain.AggregatePart;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * The patient home: one page of the caller's cases (case-service lists a patient's own only) and the caller's unread
 * count, both read with the caller's own token by {@link PartFetcher}.
 */
@ApplicationScoped
public class PatientHomes {

    public static final String CASES = "cases";
    public static final String UNREAD = "unread";

    private final PartFetcher fetcher;

    PatientHomes(PartFetcher fetcher) {
        this.fetcher = fetcher;
    }

    static List<AggregatePart> parts(int page, int size) {
        return List.of(
                new AggregatePart(CASES, "case-service", "/api/v1/cases?page=" + page + "&size=" + size),
                new AggregatePart(UNREAD, "notification-service", "/api/v1/me/notifications/unread-count"));
    }

    public Future<Map<String, FetchedPart>> fetch(int page, int size, MultiMap callerHeaders) {
        return fetcher.fetchAll(parts(page, size), callerHeaders);
    }
}
