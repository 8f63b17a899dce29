package io.consilium.specialist.consumers;

import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

/** The fields of {@code consilium.case.consent-revoked.v1} this service reads. */
public record ConsentRevoked(UUID caseId, @NotNull UUID consentId, Instant revokedAt) {
}
