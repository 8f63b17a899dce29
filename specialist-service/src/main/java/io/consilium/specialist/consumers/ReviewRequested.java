package io.consilium.specialist.consumers;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The fields of {@code consilium.case.review-requested.v1} this service reads (unknown fields are ignored). */
public record ReviewRequested(UUID caseId, String tenant, @NotBlank String requestedSpecialty, String subspecialty,
                              String diagnosisIcd10, @NotBlank String preferredLanguage, @NotBlank String countryOfResidence,
                              String treatingInstitution, @NotNull @Min(1) @Max(3) Integer panelSize, List<String> allowedCountries,
                              Instant dueBy, Instant requestedAt) {
}
