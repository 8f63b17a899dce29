package io.consilium.cases.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code consilium.case.follow-up-due.v1} ({@code docs/events.md}): a planned check-in reached its due time without
 * an outcome, so notification-service can ask the patient and the personal doctor for it. Ids and times only.
 */
public record FollowUpDue(UUID caseId, String tenant, UUID followUpId, Instant dueAt, Instant announcedAt) {
}
