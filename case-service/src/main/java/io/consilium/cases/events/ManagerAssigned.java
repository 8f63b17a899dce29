package io.consilium.cases.events;

import java.time.Instant;
import java.util.UUID;

/** {@code consilium.case.manager-assigned.v1} ({@code docs/events.md}). */
public record ManagerAssigned(UUID caseId, String tenant, String managerId, String previousManagerId, Instant assignedAt) {
}
