package io.consilium.cases.events;

import java.time.Instant;
import java.util.UUID;

/** {@code consilium.case.follow-up-scheduled.v1} ({@code docs/events.md}). */
public record FollowUpScheduled(UUID caseId, String tenant, UUID followUpId, Instant dueAt) {
}
