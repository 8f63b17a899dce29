package io.consilium.cases.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code consilium.case.patient-linked.v1}: a submitted case that a partner opened before the member's patient
 * account was known now has its patient. Services that let the patient act on the case (records, reports) start
 * doing so for this account; the account always belongs to the case's tenant.
 */
public record PatientLinked(UUID caseId, String tenant, String memberId, String patientId, Instant linkedAt) {
}
