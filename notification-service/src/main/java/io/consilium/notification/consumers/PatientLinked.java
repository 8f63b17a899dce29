package io.consilium.notification.consumers;

import jakarta.validation.constraints.NotBlank;

/** {@code consilium.case.patient-linked.v1}: the patient of a case a partner opened. */
public record PatientLinked(@NotBlank String patientId) {
}
