package io.consilium.notification.events;

import java.time.Instant;
import java.util.UUID;

/** {@code consilium.notification.delivered.v1}: a notification reached its recipient (a webhook answered 2xx). */
public record NotificationDelivered(UUID caseId, String tenant, UUID notificationId, String channel, UUID eventId,
                                    Instant at) {
}
