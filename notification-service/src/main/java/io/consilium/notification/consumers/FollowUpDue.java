package io.consilium.notification.consumers;

import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code consilium.case.follow-up-due.v1}: a check-in fell due without an outcome. Read only to hold case-service
 * to its contract; the message names neither the follow-up nor its time (the app shows both).
 */
public record FollowUpDue(@NotNull UUID followUpId, @NotNull Instant dueAt) {
}
