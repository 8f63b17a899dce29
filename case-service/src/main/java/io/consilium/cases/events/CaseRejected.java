package io.consilium.cases.events;

import java.time.Instant;
import java.util.UUID;

/** {@code consilium.case.rejected.v1} ({@code docs/events.md}). */
public record CaseRejected(UUID caseId, String tenant, String reason, String detail, Instant rejectedAt) {
}
