package io.consilium.specialist.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code consilium.specialist.invited.v1}: a specialist was invited to a seat of a case's panel and must accept by
 * {@code deadline}, then report within {@code reportWithinHours}.
 */
public record SpecialistInvited(UUID caseId, String tenant, UUID invitationId, UUID specialistId,
                                String specialistSubject, Instant deadline, Integer seat, String specialty,
                                Integer reportWithinHours) {
}
