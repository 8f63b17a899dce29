package io.consilium.document.service;

import io.consilium.document.config.UploadConfig;
import io.consilium.document.domain.ChecklistItem;
import io.consilium.document.domain.DocumentKind;
import io.consilium.document.domain.FileNames;
import io.consilium.document.domain.RecordKinds;
import io.consilium.document.domain.Upload;
import io.consilium.document.domain.UploadRefused;
import io.consilium.document.security.CaseFileLookup;
import io.consilium.document.security.CaseFileLookup.Accessible;
import io.consilium.document.security.DocumentAccess.Level;
import io.consilium.document.storage.DocumentStore;
import io.consilium.platform.audit.AuditTrail;
import io.consilium.platform.audit.AuditedAccess;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.ProblemType;
import io.consilium.platform.problem.Violation;
import io.consilium.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Creating uploads, reading their offset, and admitting an append (the tus core protocol's POST, HEAD and
 * the checks before a PATCH). Completion is {@link UploadCompletion}.
 */
@ApplicationScoped
public class Uploads {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final CaseFileLookup lookup;
    private final ContentPolicy policy;
    private final DocumentStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxOpenPerCase;

    Uploads(CaseFileLookup lookup, ContentPolicy policy, DocumentStore store, AuditTrail audit, Clock clock,
            UploadConfig config) {
        this.maxOpenPerCase = config.maxOpenPerCase();
        this.lookup = lookup;
        this.policy = policy;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Where an append writes: the upload's identity, declared length and current offset. */
    public record AppendPlan(UUID uploadId, UUID caseId, String tenant, long length, long offset, Path part) {
    }

    public record UploadStatus(Upload upload, long offset) {
    }

    @Transactional
    public Upload create(Caller caller, UUID caseId, long length, Map<String, String> metadata) {
        Accessible access = lookup.require(caller, caseId, Level::mayUpload, "case", String.valueOf(caseId), "UPLOAD");
        if (length <= 0) {
            throw new ProblemException.InvalidRequest("Upload-Length is not valid",
                    List.of(new Violation("Upload-Length", "must be a positive number of bytes")));
        }
        String filename = FileNames.sanitise(metadata.get("filename"));
        String declared = blankToNull(metadata.get("contentType"));
        if (declared == null) {
            declared = blankToNull(metadata.get("filetype"));
        }
        if (declared != null) {
            declared = policy.allowedOrRefuse(declared).mediaType();
        }
        long limit = policy.limitForDeclared(declared);
        if (declared == null && length > limit) {
            throw new UploadRefused(ProblemType.PAYLOAD_TOO_LARGE, "TYPE_REQUIRED", "An upload of more than " + limit
                    + " bytes must declare its type (filetype or contentType in Upload-Metadata)");
        }
        policy.checkSize(length, limit);
        // unfinished uploads hold disk space until they expire: a case may have only so many at once
        if (Upload.count("caseId = ?1 and state = ?2", caseId, Upload.State.IN_PROGRESS) >= maxOpenPerCase) {
            throw new ProblemException.Conflict("The case has " + maxOpenPerCase + " unfinished uploads; finish them "
                    + "or let them expire before starting another");
        }
        String sha256 = blankToNull(metadata.get("sha256"));
        if (sha256 != null && !SHA256_HEX.matcher(sha256).matches()) {
            throw new ProblemException.InvalidRequest("Upload-Metadata is not valid",
                    List.of(new Violation("Upload-Metadata.sha256", "must be 64 hexadecimal digits")));
        }
        String kind = kind(metadata.get("kind"));
        UUID itemId = checklistItem(caseId, metadata.get("checklistItemId"));
        if (itemId == null) {
            itemId = itemForKind(caseId, kind);
        }
        Instant now = clock.instant();
        Upload upload = Upload.start(caseId, access.file().tenant, caller.subject(), caller.primaryRole(),
                new Upload.Declared(length, filename, declared, kind, itemId,
                        sha256 == null ? null : sha256.toLowerCase(Locale.ROOT)), now);
        upload.persist();
        try {
            Files.createFile(part(upload.id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.allowed(caller, new AuditedAccess("upload", upload.id.toString(), caseId.toString(), upload.tenant,
                "CREATE", "records"));
        return upload;
    }

    /** The upload as its creator sees it (HEAD and GET); other callers get 404. */
    @Transactional
    public UploadStatus status(Caller caller, UUID uploadId) {
        Upload upload = own(caller, uploadId, "READ");
        return new UploadStatus(upload, offset(upload));
    }

    /**
     * Admits an append of {@code contentLength} bytes (null when the request is chunked) at {@code offset}:
     * the caller created the upload and may still upload to the case, the upload is in progress, the offset is
     * the part's current size, and the append stays within the declared length.
     */
    @Transactional
    public AppendPlan admitAppend(Caller caller, UUID uploadId, long offset, Long contentLength) {
        Upload upload = own(caller, uploadId, "UPLOAD");
        upload.appending(clock.instant()); // refuses a finished upload; rolled back with any refusal below
        long current = offset(upload);
        if (offset != current) {
            throw new ProblemException.Conflict("Upload-Offset " + offset + " does not match the upload's offset "
                    + current + "; ask with HEAD and resume from there");
        }
        if (contentLength != null && offset + contentLength > upload.length) {
            throw new UploadRefused(ProblemType.PAYLOAD_TOO_LARGE, "TOO_LARGE",
                    "The request would exceed the declared Upload-Length of " + upload.length + " bytes");
        }
        audit.allowed(caller, new AuditedAccess("upload", upload.id.toString(), upload.caseId.toString(),
                upload.tenant, "UPLOAD", "records"));
        return new AppendPlan(upload.id, upload.caseId, upload.tenant, upload.length, current, part(upload.id));
    }

    public Path part(UUID uploadId) {
        return store.uploadsDirectory().resolve(uploadId + ".part");
    }

    private Upload own(Caller caller, UUID uploadId, String action) {
        Upload upload = Upload.findById(uploadId);
        if (upload == null || !upload.createdBy.equals(caller.subject())) {
            audit.denied(caller, new AuditedAccess("upload", String.valueOf(uploadId),
                    upload == null ? null : upload.caseId.toString(), upload == null ? null : upload.tenant, action,
                    "not visible to caller"));
            throw new ProblemException.NotFound("Upload " + uploadId);
        }
        // The caller must still be allowed to upload to the case (a reassigned manager is not).
        lookup.require(caller, upload.caseId, Level::mayUpload, "upload", uploadId.toString(), action);
        return upload;
    }

    private long offset(Upload upload) {
        if (!upload.inProgress()) {
            return upload.state() == Upload.State.COMPLETED ? upload.length : 0;
        }
        try {
            return Files.size(part(upload.id));
        } catch (IOException e) {
            return 0;
        }
    }

    private static UUID checklistItem(UUID caseId, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        UUID id;
        try {
            id = UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw new ProblemException.InvalidRequest("Upload-Metadata is not valid",
                    List.of(new Violation("Upload-Metadata.checklistItemId", "must be a checklist item id")));
        }
        ChecklistItem item = ChecklistItem.findById(id);
        if (item == null || !item.caseId.equals(caseId)) {
            // well-formed, but not an id this case lets the caller use: unknown and another case's answer alike
            throw new ProblemException.Unprocessable("Upload-Metadata names no checklist item of this case",
                    List.of(new Violation("Upload-Metadata.checklistItemId", "must name an item of this case's checklist")));
        }
        return id;
    }

    /**
     * An upload that names no item but a kind goes to the case's item for that record (LAB_RESULT fills LAB_RESULTS,
     * one item per code, see {@link RecordKinds}) while it can still receive one: a patient's app that shows only
     * "upload your lab results" must tick the checklist, not leave a stray document beside a pending item.
     */
    static UUID itemForKind(UUID caseId, String kind) {
        if (DocumentKind.OTHER.name().equals(kind)) {
            return null;
        }
        return ChecklistItem.<ChecklistItem>find("caseId = ?1 and code = ?2", caseId, RecordKinds.normalise(kind))
                .firstResultOptional()
                .filter(item -> item.state.mayReceive())
                .map(item -> item.id)
                .orElse(null);
    }

    private static String kind(String raw) {
        if (raw == null || raw.isBlank()) {
            return DocumentKind.OTHER.name();
        }
        try {
            return DocumentKind.valueOf(raw.trim().toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw new ProblemException.InvalidRequest("Upload-Metadata is not valid",
                    List.of(new Violation("Upload-Metadata.kind", "must be one of "
                            + java.util.Arrays.toString(DocumentKind.values()))));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
