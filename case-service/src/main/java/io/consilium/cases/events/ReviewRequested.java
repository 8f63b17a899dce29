package io.consilium.cases.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code consilium.case.review-requested.v1}: what specialist-service needs to match and invite a panel, and no
 * identifying data. {@code allowedCountries} is the plan's list narrowed by the patient's consent (empty = any).
 */
public record ReviewRequested(UUID caseId, String tenant, String requestedSpecialty, String subspecialty,
                              String diagnosisIcd10, String preferredLanguage, String countryOfResidence,
                              String treatingInstitution, int panelSize, List<String> allowedCountries,
                              String urgency, Instant dueBy, Instant requestedAt) {
}
