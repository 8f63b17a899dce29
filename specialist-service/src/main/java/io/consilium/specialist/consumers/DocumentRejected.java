package io.consilium.specialist.consumers;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** The fields of {@code consilium.document.rejected.v1} this service reads: a rejected record leaves the brief. */
public record DocumentRejected(@NotNull UUID documentId) {
}
