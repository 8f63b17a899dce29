package io.consilium.notification.consumers;

import jakarta.validation.constraints.NotBlank;

import java.util.UUID;

/**
 * The fields of {@code consilium.report.reopened.v1} and {@code consilium.report.overdue.v1} this service reads: the
 * report's specialist, the one to tell (a reopened report needs their answers to the changed questions, an overdue
 * one their submission). The questions themselves are ids only and stay out of every message.
 */
public record ReportForSpecialist(UUID reportId, @NotBlank String specialistSubject) {
}
