package io.consilium.cases.events;

import java.time.Instant;
import java.util.UUID;

/** {@code consilium.case.consent-revoked.v1} ({@code docs/events.md}). */
public record ConsentRevoked(UUID caseId, String tenant, UUID consentId, String purpose, Instant revokedAt) {
}
