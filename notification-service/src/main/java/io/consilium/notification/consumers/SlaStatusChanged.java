package io.consilium.notification.consumers;

import jakarta.validation.constraints.NotBlank;

/** {@code consilium.case.sla-status-changed.v1}: AT_RISK or BREACHED (a breach is urgent). */
public record SlaStatusChanged(@NotBlank String kind, @NotBlank String status) {
}
