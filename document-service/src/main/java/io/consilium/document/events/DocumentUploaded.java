package io.consilium.document.events;

import java.time.Instant;
import java.util.UUID;

/** {@code consilium.document.uploaded.v1}: a checked file was stored. Never the file name or its content. */
public record DocumentUploaded(UUID caseId, String tenant, UUID documentId, UUID checklistItemId, String kind,
                               String contentType, long sizeBytes, String sha256, String uploadedByRole,
                               Instant uploadedAt) {
}
