package io.consilium.specialist.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code consilium.specialist.invitation-reminder-due.v1}: an invitation is still unanswered close to its
 * deadline; notification-service reminds the specialist. Published once per invitation.
 */
public record InvitationReminderDue(UUID caseId, String tenant, UUID invitationId, UUID specialistId,
                                    String specialistSubject, Integer seat, Instant acceptBy, Instant remindedAt) {
}
