package io.consilium.document.api;

import io.consilium.document.domain.Upload;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** An upload as its creator sees it: how far it got and how it ended. */
public record UploadView(@Schema(examples = "8d2f4b6a-1c3e-4f5a-9b7d-0e2c4a6f8b10") UUID id,
                         @Schema(examples = "0e9d6c1a-3b7f-4e2a-8c5d-9f1b2a4c6e80") UUID caseId,
                         @Schema(examples = "fundus-photograph-right-eye.jpg") String filename,
                         @Schema(examples = "image/jpeg") String declaredType,
                         @Schema(examples = "IMAGING") String kind,
                         @Schema(examples = "c4a1e8f2-6d3b-4a9c-b7e5-1f2d3c4b5a60") UUID checklistItemId,
                         @Schema(description = "Declared length in bytes", examples = "3145728") long length,
                         @Schema(description = "Bytes received so far; resume from here", examples = "1048576") long offset,
                         @Schema(examples = "IN_PROGRESS") String state,
                         @Schema(description = "Why it was refused; only for REJECTED") String reason,
                         @Schema(description = "The document, once COMPLETED (or the existing one for DUPLICATE)") UUID documentId,
                         @Schema(examples = "2026-11-12T08:39:55Z") Instant createdAt) {

    public static UploadView of(Upload upload, long offset) {
        return new UploadView(upload.id, upload.caseId, upload.filename, upload.declaredType, upload.kind,
                upload.checklistItemId, upload.length, offset, upload.state().name(), upload.reason(), upload.documentId(),
                upload.createdAt);
    }
}
