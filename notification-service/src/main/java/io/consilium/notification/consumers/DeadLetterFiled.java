package io.consilium.notification.consumers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** {@code consilium.platform.dead-letter-filed.v1}: the fields ops' message names (platform's notice has more). */
public record DeadLetterFiled(@NotNull UUID deadLetterId, @NotBlank String service, @NotBlank String consumer,
                              @NotBlank String eventType, String reason) {
}
