package io.consilium.cases.events;

import java.time.Instant;
import java.util.UUID;

/** {@code consilium.case.report-delivered.v1} ({@code docs/events.md}). */
public record ReportDelivered(UUID caseId, String tenant, Instant deliveredAt) {
}
