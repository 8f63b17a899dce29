package io.consilium.cases.events;

import java.time.Instant;
import java.util.UUID;

/** {@code consilium.case.follow-up-recorded.v1} ({@code docs/events.md}). */
public record FollowUpRecorded(UUID caseId, String tenant, UUID followUpId, String treatmentChosen,
                                String treatmentCode, String opinionFollowed, String providerId, Instant recordedAt) {
}
