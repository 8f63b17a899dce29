package io.consilium.cases.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code consilium.case.consent-granted.v1} ({@code docs/events.md}). */
public record ConsentGranted(UUID caseId, String tenant, UUID consentId, String purpose, List<String> specialistSubjects,
                             List<String> countries, Instant grantedAt) {
}
