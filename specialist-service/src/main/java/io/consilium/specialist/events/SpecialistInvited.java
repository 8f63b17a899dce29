package io.consilium.specialist.events;

import java.time.Instant;
import java.util.UUID;

/** {@code consilium.specialist.invited.v1}: a specialist was invited to a case's panel and must answer by the deadline. */
public record SpecialistInvited(UUID caseId, String tenant, UUID invitationId, UUID specialistId,
                                String specialistSubject, Instant deadline) {
}
