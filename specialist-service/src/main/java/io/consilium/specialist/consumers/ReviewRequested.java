package io.consilium.specialist.consumers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The fields of {@code consilium.case.review-requested.v1} this service reads (unknown fields are ignored). */
public record ReviewRequested(UUID caseId, String tenant, String requestedSpecialty, String subspecialty,
                              String diagnosisIcd10, String preferredLanguage, String countryOfResidence,
                              String treatingInstitution, Integer panelSize, List<String> allowedCountries,
                              Instant dueBy, Instant requestedAt) {
}
