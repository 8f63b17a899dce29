package io.consilium.cases.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code consilium.case.sla-status-changed.v1} ({@code docs/events.md}): a running clock went AT_RISK or
 * BREACHED, so notification-service can warn the personal doctor and ops without polling the queue.
 */
public record SlaStatusChanged(UUID caseId, String tenant, String kind, String status, Instant dueAt,
                               Instant evaluatedAt) {
}
