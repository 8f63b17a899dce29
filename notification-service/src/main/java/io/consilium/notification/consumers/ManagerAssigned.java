package io.consilium.notification.consumers;

import jakarta.validation.constraints.NotBlank;

/** {@code consilium.case.manager-assigned.v1}: the personal doctor (token subject). */
public record ManagerAssigned(@NotBlank String managerId) {
}
