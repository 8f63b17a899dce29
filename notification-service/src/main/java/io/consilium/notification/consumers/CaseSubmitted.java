package io.consilium.notification.consumers;

/** The field of {@code consilium.case.submitted.v1} this service reads: the patient (null for a partner's case). */
public record CaseSubmitted(String patientId) {
}
