package io.consilium.gateway.service;

import io.consilium.gateway.domain.AggregatePart;
import io.consilium.gateway.domain.CaseStates;
import io.consilium.gateway.proxy.Upstreams;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ops dashboard's parts, all read with the caller's own token: a count of cases per state (case-service's list,
 * one page of one, read for its total), the SLA clocks of case-service's ops queue, each service's open dead letters
 * (every service has its own, on its own base URL: the first {@link #DEAD_LETTERS_LISTED}, most recently failed first,
 * read for their total and listed as they are), notification-service's webhook endpoints and case-service's case
 * activity (cases per tenant by state, opened and closed per day over {@link #ACTIVITY_DAYS} days).
 */
@ApplicationScoped
public class OpsDashboards {

    public static final String CASES_PREFIX = "cases:";
    public static final String CLOCKS = "clocks";
    public static final String DEAD_LETTERS_PREFIX = "dead-letters:";
    public static final String WEBHOOKS = "webhooks";
    public static final String ACTIVITY = "activity";
    /** Open dead letters listed per service (the count is the service's total, not this). */
    public static final int DEAD_LETTERS_LISTED = 20;
    /** The activity window: two weeks up to today. */
    public static final int ACTIVITY_DAYS = 14;
    /** The ops queue's own maximum: its clocks are counted from at most this many entries. */
    public static final int QUEUE_LIMIT = 1000;
    /** Webhook endpoints checked for failures: the first page of the endpoints list at its largest. */
    public static final int ENDPOINTS_CHECKED = 100;

    private final PartFetcher fetcher;
    private final Upstreams upstreams;

    OpsDashboards(PartFetcher fetcher, Upstreams upstreams) {
        this.fetcher = fetcher;
        this.upstreams = upstreams;
    }

    /** {@code tenant}: null for all tenants; already checked to be a plain name (nothing to escape). */
    public Future<Map<String, FetchedPart>> fetch(String tenant, MultiMap callerHeaders) {
        return fetcher.fetchAll(parts(tenant, upstreams.serviceNames()), callerHeaders);
    }

    static List<AggregatePart> parts(String tenant, Iterable<String> services) {
        String and = tenant == null ? "" : "&tenant=" + tenant;
        List<AggregatePart> parts = new ArrayList<>();
        for (String state : CaseStates.ALL) {
            parts.add(new AggregatePart(CASES_PREFIX + state, "case-service", "/api/v1/cases?state=" + state + "&size=1" + and));
        }
        parts.add(new AggregatePart(CLOCKS, "case-service", "/api/v1/ops/queue?limit=" + QUEUE_LIMIT + and));
        for (String service : services) {
            parts.add(new AggregatePart(DEAD_LETTERS_PREFIX + service, service,
                    "/api/v1/ops/dead-letters?status=OPEN&size=" + DEAD_LETTERS_LISTED + and));
        }
        parts.add(new AggregatePart(WEBHOOKS, "notification-service", "/api/v1/webhook-endpoints?size=" + ENDPOINTS_CHECKED + and));
        parts.add(new AggregatePart(ACTIVITY, "case-service", "/api/v1/statistics/activity?days=" + ACTIVITY_DAYS + and));
        return parts;
    }
}
