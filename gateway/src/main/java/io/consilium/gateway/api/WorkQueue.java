package io.consilium.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.consilium.gateway.service.FetchedPart;
import io.consilium.gateway.service.WorkQueues;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The personal doctor's work queue: one page of the cases assigned to me, ordered by their next SLA deadline
 * (soonest, i.e. most overdue, first; cases without a running clock last, in case-service's order). A case whose
 * clocks did not come is named {@code sla:<caseId>} in {@code missing}.
 */
@Schema(description = "My assigned cases ordered by SLA, with what each waits on")
public record WorkQueue(boolean partial, List<String> missing, List<String> withheld,
                        @Schema(description = "one page of my cases, by next deadline; null when missing") CasePage cases) {

    /** A page as case-service paged the cases (newest first), ordered here by deadline within the page. */
    public record CasePage(List<QueuedCase> items, int page, int size, long total) {
    }

    static WorkQueue of(WorkQueues.Fetched fetched) {
        PartOutcomes outcomes = PartOutcomes.of(Stream.concat(Stream.of(fetched.cases()),
                fetched.clocks().values().stream()).toList());
        return new WorkQueue(outcomes.partial(), outcomes.missing(), outcomes.withheld(),
                fetched.cases().shown() ? page(fetched) : null);
    }

    private static CasePage page(WorkQueues.Fetched fetched) {
        JsonNode page = fetched.cases().body();
        List<QueuedCase> items = new ArrayList<>();
        for (JsonNode summary : page.path("items")) {
            FetchedPart clocks = fetched.clocks().get(WorkQueues.SLA_PREFIX + summary.path("id").asText());
            items.add(QueuedCase.of(summary, clocks));
        }
        // stable: equal deadlines (and no deadline) keep case-service's order
        items.sort(Comparator.comparing(QueuedCase::nextDueAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder())));
        return new CasePage(items, page.path("page").asInt(), page.path("size").asInt(), page.path("total").asLong());
    }
}
