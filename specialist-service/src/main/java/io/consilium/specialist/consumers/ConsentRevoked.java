package io.consilium.specialist.consumers;

import java.time.Instant;
import java.util.UUID;

/** The fields of {@code consilium.case.consent-revoked.v1} this service reads. */
public record ConsentRevoked(UUID caseId, UUID consentId, Instant revokedAt) {
}
