package io.consilium.specialist.events;

import java.time.Instant;
import java.util.UUID;

/** {@code consilium.specialist.declined.v1}: the specialist declined, with their reason; the next candidate is invited. */
public record SpecialistDeclined(UUID caseId, String tenant, UUID invitationId, UUID specialistId,
                                 String specialistSubject, String specialistName, String reason, Instant declinedAt,
                                 Integer seat) {
}
