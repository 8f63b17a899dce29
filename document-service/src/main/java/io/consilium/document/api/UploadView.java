package io.consilium.document.api;

import io.consilium.document.domain.Upload;

import java.time.Instant;
import java.util.UUID;

/** An upload as its creator sees it: how far it got and how it ended. */
public record UploadView(UUID id, UUID caseId, String filename, String declaredType, String kind,
                         UUID checklistItemId, long length, long offset, String state, String reason,
                         UUID documentId, Instant createdAt) {

    public static UploadView of(Upload upload, long offset) {
        return new UploadView(upload.id, upload.caseId, upload.filename, upload.declaredType, upload.kind,
                upload.checklistItemId, upload.length, offset, upload.state().name(), upload.reason(), upload.documentId(),
                upload.createdAt);
    }
}
