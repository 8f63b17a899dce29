package io.consilium.document.api;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.ProblemType;

import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The headers of a tus {@code PATCH}, checked before the caller is authenticated or a byte of the body is read.
 *
 * @param contentLength null for a chunked body
 */
public record TusAppendRequest(UUID uploadId, long offset, Long contentLength) {

    public static final String OFFSET_CONTENT_TYPE = "application/offset+octet-stream";

    /** Headers that refuse the append, answered as problem+json with {@link #type()}'s status. */
    public static final class Refused extends ProblemException {
        Refused(ProblemType type, String detail) {
            super(type, detail);
        }
    }

    /**
     * @param uploadId the path's upload id, as sent
     * @param header   the request's header of a name, or null
     */
    public static TusAppendRequest parse(String uploadId, UnaryOperator<String> header) {
        UUID id;
        try {
            id = UUID.fromString(uploadId);
        } catch (RuntimeException e) {
            throw new Refused(ProblemType.NOT_FOUND, "Upload " + uploadId + " not found");
        }
        String tus = header.apply("Tus-Resumable");
        if (tus != null && !tus.equals(UploadResource.TUS_VERSION)) {
            throw new Refused(ProblemType.PRECONDITION_FAILED, "Only tus " + UploadResource.TUS_VERSION + " is supported");
        }
        String contentType = header.apply("Content-Type");
        if (contentType == null || !contentType.trim().toLowerCase(Locale.ROOT).startsWith(OFFSET_CONTENT_TYPE)) {
            throw new Refused(ProblemType.UNSUPPORTED_MEDIA_TYPE, "An append must have Content-Type " + OFFSET_CONTENT_TYPE);
        }
        try {
            long offset = Long.parseLong(header.apply("Upload-Offset").trim());
            String length = header.apply("Content-Length");
            Long contentLength = length == null ? null : Long.parseLong(length.trim());
            if (offset < 0 || (contentLength != null && contentLength < 0)) {
                throw new NumberFormatException();
            }
            return new TusAppendRequest(id, offset, contentLength);
        } catch (RuntimeException e) {
            throw new Refused(ProblemType.INVALID_REQUEST, "Upload-Offset (and Content-Length) must be non-negative numbers");
        }
    }
}
