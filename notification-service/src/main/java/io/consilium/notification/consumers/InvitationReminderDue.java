package io.consilium.notification.consumers;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/**
 * {@code consilium.specialist.invitation-reminder-due.v1} from specialist-service: an invitation is about to
 * expire (its {@code acceptBy} and {@code seat} are not needed here). The specialist is the one the payload names, else the one this service saw invited.
 */
public record InvitationReminderDue(@NotNull UUID invitationId, String specialistSubject) {
}
