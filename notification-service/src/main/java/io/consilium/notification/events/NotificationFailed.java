package io.consilium.notification.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code consilium.notification.failed.v1}: a notification is dead after its whole retry schedule; ops are told
 * through this event (and see it in the delivery log). {@code reason} is the last attempt's failure (a status or
 * a transport error), never the receiver's answer.
 */
public record NotificationFailed(UUID caseId, String tenant, UUID notificationId, String channel, UUID eventId,
                                 String reason, int attempts, Instant at) {
}
