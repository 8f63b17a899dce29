package io.consilium.cases.events;

import java.time.Instant;
import java.util.UUID;

/** {@code consilium.case.closed.v1} ({@code docs/events.md}). */
public record CaseClosed(UUID caseId, String tenant, Instant closedAt) {
}
