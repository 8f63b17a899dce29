package io.consilium.cases.events;

import io.consilium.cases.domain.SmoCase;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code consilium.case.submitted.v1}: the intake is final. Carries what other services need to start
 * (checklist by specialty, matching by condition, language and country, notifications), never the
 * patient's name, contact or free text. {@code openedByRole} ({@code patient} or {@code partner}: who asked for the
 * opinion, the FHIR ServiceRequest's requester) was added in issue 13; consumers read its absence as unknown.
 */
public record CaseSubmitted(UUID caseId, String tenant, String memberId, String patientId,
                            String requestedSpecialty, String diagnosisIcd10, String urgency,
                            String preferredLanguage, String countryOfResidence, List<String> reasons,
                            List<String> questions, Instant submittedAt, String openedByRole) {

    public static CaseSubmitted of(SmoCase c) {
        return new CaseSubmitted(c.id, c.tenant, c.memberId, c.patientId, c.requestedSpecialty, c.diagnosisIcd10,
                c.urgency.name(), c.preferredLanguage, c.countryOfResidence, c.reasons, c.standardQuestions,
                c.submittedAt, c.openedByRole);
    }
}
