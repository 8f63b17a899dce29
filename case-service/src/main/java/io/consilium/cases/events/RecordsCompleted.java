package io.consilium.cases.events;

import java.time.Instant;
import java.util.UUID;

/** {@code consilium.case.records-completed.v1} ({@code docs/events.md}). */
public record RecordsCompleted(UUID caseId, String tenant, Instant completedAt) {
}
