package io.consilium.specialist.events;

import java.time.Instant;
import java.util.UUID;

/** {@code consilium.specialist.expired.v1}: the deadline passed without an answer; the next candidate is invited. */
public record InvitationExpired(UUID caseId, String tenant, UUID invitationId, UUID specialistId,
                                String specialistSubject, Instant expiredAt, Integer seat) {
}
