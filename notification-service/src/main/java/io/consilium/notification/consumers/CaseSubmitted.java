package io.consilium.notification.consumers;

/**
 * The fields of {@code consilium.case.submitted.v1} this service reads: the patient (null for a partner's case)
 * and the language the patient's messages are written in.
 */
public record CaseSubmitted(String patientId, String preferredLanguage) {
}
