package io.consilium.specialist.consumers;

import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

/** The fields of {@code consilium.document.uploaded.v1} this service reads, for the brief's list of records. */
public record DocumentUploaded(@NotNull UUID documentId, UUID checklistItemId, String kind, String contentType,
                               Long sizeBytes, @NotNull Instant uploadedAt) {
}
