package io.consilium.document.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code consilium.document.rejected.v1}: an upload was refused by the checks (the id is the upload's; nothing
 * was kept) or a stored document was rejected by the case manager. {@code reason} is a code such as
 * {@code CHECKSUM_MISMATCH}, {@code CONTENT_TYPE_MISMATCH}, {@code TYPE_NOT_ALLOWED}, {@code TOO_LARGE},
 * {@code INVALID_DICOM}, {@code REVIEW}.
 */
public record DocumentRejected(UUID caseId, String tenant, UUID documentId, String reason, Instant rejectedAt) {
}
