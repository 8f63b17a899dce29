package io.consilium.cases.service;

import io.consilium.cases.domain.CaseState;
import io.consilium.cases.domain.SlaClock;
import io.consilium.cases.domain.SmoCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What ops should look at first: cases without a personal doctor, then running SLA clocks by how much time is
 * left (breached ones, with negative time left, on top).
 */
@ApplicationScoped
public class OpsQueue {

    public record Item(UUID caseId, String tenant, String state, String managerId, String urgency, String clock,
                       String status, Instant dueAt, long secondsLeft, boolean paused) {
    }

    private final Clock clock;

    OpsQueue(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public List<Item> items(String tenant, int limit) {
        Instant now = clock.instant();
        List<Item> items = new ArrayList<>();
        String tenantFilter = tenant == null ? "" : " and tenant = :tenant";
        var unassigned = SmoCase.<SmoCase>find("state = :state and managerId is null" + tenantFilter + " order by submittedAt",
                tenant == null ? io.quarkus.panache.common.Parameters.with("state", CaseState.SUBMITTED)
                        : io.quarkus.panache.common.Parameters.with("state", CaseState.SUBMITTED).and("tenant", tenant))
                .page(0, limit).list();
        for (SmoCase c : unassigned) {
            items.add(new Item(c.id, c.tenant, c.state.name(), null, c.urgency.name(), null, "UNASSIGNED",
                    c.submittedAt, 0, false));
        }
        List<SlaClock> running = SlaClock.list("stoppedAt is null");
        Map<UUID, SmoCase> cases = running.isEmpty() ? Map.of()
                : SmoCase.<SmoCase>list("id in ?1", running.stream().map(c -> c.caseId).toList()).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        running.stream()
                .filter(sla -> cases.containsKey(sla.caseId))
                .filter(sla -> tenant == null || tenant.equals(cases.get(sla.caseId).tenant))
                .map(sla -> {
                    SmoCase c = cases.get(sla.caseId);
                    Instant due = sla.dueAt(now);
                    return new Item(c.id, c.tenant, c.state.name(), c.managerId, c.urgency.name(), sla.kind.name(),
                            sla.status.name(), due, Duration.between(now, due).toSeconds(), sla.paused());
                })
                .sorted(Comparator.comparingLong(Item::secondsLeft))
                .limit(Math.max(0, limit - items.size()))
                .forEach(items::add);
        return items;
    }
}
