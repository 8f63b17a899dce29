package io.consilium.specialist.consumers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The fields of {@code consilium.case.consent-granted.v1} this service reads. */
public record ConsentGranted(UUID caseId, @NotNull UUID consentId, @NotBlank String purpose, List<String> specialistSubjects,
                             List<String> countries, Instant grantedAt) {
}
