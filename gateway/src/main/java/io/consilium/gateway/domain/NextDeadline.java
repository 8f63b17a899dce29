package io.consilium.gateway.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * A case's next SLA deadline, by which the personal doctor's work queue is ordered: the earliest due time of its
 * running clocks (on track, at risk or breached; a breached clock is the most overdue, so it comes first). Met
 * clocks are done and paused ones do not run, so neither sets a deadline.
 */
public final class NextDeadline {

    /** One clock as case-service shows it ({@code GET /api/v1/cases/{id}/sla}). */
    public record Clock(String status, Instant dueAt, boolean paused) {

        boolean running() {
            return !paused && dueAt != null
                    && ("ON_TRACK".equals(status) || "AT_RISK".equals(status) || "BREACHED".equals(status));
        }
    }

    private NextDeadline() {
    }

    public static Optional<Clock> of(Collection<Clock> clocks) {
        return clocks.stream().filter(Clock::running).min(Comparator.comparing(Clock::dueAt));
    }
}
