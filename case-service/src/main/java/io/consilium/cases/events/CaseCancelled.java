package io.consilium.cases.events;

import java.time.Instant;
import java.util.UUID;

/** {@code consilium.case.cancelled.v1} ({@code docs/events.md}). */
public record CaseCancelled(UUID caseId, String tenant, String reason, Instant cancelledAt) {
}
