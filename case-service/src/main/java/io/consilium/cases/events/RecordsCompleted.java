package io.consilium.cases.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code consilium.case.records-completed.v1} ({@code docs/events.md}). {@code overrideReason} and
 * {@code overriddenItems} only when the personal doctor completed the records while required checklist items were
 * open (or not reported yet): the doctor's reason and the codes that were open; otherwise null and empty.
 */
public record RecordsCompleted(UUID caseId, String tenant, Instant completedAt, String overrideReason,
                               List<String> overriddenItems) {
}
