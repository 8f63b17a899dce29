package io.consilium.specialist.consumers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

/** The fields of {@code consilium.report.submitted.v1} this service reads. */
public record ReportSubmitted(UUID caseId, UUID reportId, Integer version, @NotBlank String specialistSubject,
                              @NotNull Instant submittedAt) {
}
