package io.consilium.specialist.consumers;

import java.time.Instant;
import java.util.UUID;

/** The fields of {@code consilium.report.submitted.v1} this service reads. */
public record ReportSubmitted(UUID caseId, UUID reportId, Integer version, String specialistSubject,
                              Instant submittedAt) {
}
