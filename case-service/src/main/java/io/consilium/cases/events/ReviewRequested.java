package io.consilium.cases.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code consilium.case.review-requested.v1}: what specialist-service needs to match and invite a panel, and no
 * identifying data. {@code allowedCountries} is the plan's list narrowed by the patient's consent and the request's
 * country rules (empty = any); {@code excludedCountries} are never allowed; at least {@code minOutsideResidence}
 * specialists must practise outside {@code countryOfResidence}.
 * <p>
 * Seats came later: {@code requestedSpecialty} is the first seat's specialty and {@code panelSize} the number of
 * seats, so consumers that read only those (report-service) keep working, and a consumer of an older event
 * without {@code seats} reads it as {@code panelSize} seats of {@code requestedSpecialty}.
 *
 * @param acceptWithinHours the plan's time to accept for the case's urgency
 * @param reportWithinHours the plan's time from accepting to the report for the case's urgency
 */
public record ReviewRequested(UUID caseId, String tenant, String requestedSpecialty, String subspecialty,
                              String diagnosisIcd10, String preferredLanguage, String countryOfResidence,
                              String treatingInstitution, int panelSize, List<String> allowedCountries,
                              String urgency, Instant dueBy, Instant requestedAt,
                              List<Seat> seats, List<String> excludedCountries, int minOutsideResidence,
                              int acceptWithinHours, int reportWithinHours) {

    /** A seat, numbered from 1; {@code focus} is an ICD-10 code or a subspecialty slug, or null. */
    public record Seat(int seat, String specialty, String focus) {
    }
}
