package io.consilium.document.events;

import java.time.Instant;
import java.util.UUID;

/** {@code consilium.document.checklist-completed.v1}: every required checklist item is accepted. */
public record ChecklistCompleted(UUID caseId, String tenant, Instant completedAt) {
}
