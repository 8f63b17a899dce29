package io.consilium.document.service;

import io.consilium.document.dicom.DicomException;
import io.consilium.document.dicom.DicomHeader;
import io.consilium.document.dicom.DicomHeaderReader;
import io.consilium.document.dicom.ZippedStudyReader;
import io.consilium.document.domain.AllowedType;
import io.consilium.document.domain.CaseFile;
import io.consilium.document.domain.ChecklistItem;
import io.consilium.document.domain.DicomInstance;
import io.consilium.document.domain.Document;
import io.consilium.document.domain.FileNames;
import io.consilium.document.domain.Upload;
import io.consilium.document.domain.UploadRefused;
import io.consilium.document.events.DocumentEvents;
import io.consilium.document.events.DocumentRejected;
import io.consilium.document.events.DocumentUploaded;
import io.consilium.document.pdf.PdfActiveContent;
import io.consilium.document.storage.DocumentStore;
import io.consilium.document.tika.ContentSniffer;
import io.consilium.platform.audit.AuditTrail;
import io.consilium.platform.audit.AuditedAccess;
import io.consilium.platform.outbox.Outbox;
import io.consilium.platform.outbox.OutgoingEvent;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.ProblemType;
import io.consilium.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a fully received upload into a document, or refuses it and keeps nothing. In order: the client's
 * SHA-256 (when given), the type sniffed from the bytes (allowed, and the same as declared), the size limit of
 * that type, no active content in PDFs, the DICOM headers of imaging, and duplicates in the case by hash. Only
 * then is the part moved into the store (atomically) and the document, its DICOM index, the checklist change, the {@code uploaded} event and
 * the audit record committed together.
 */
@ApplicationScoped
public class UploadCompletion {

    private static final Logger LOG = Logger.getLogger(UploadCompletion.class);
    static final int MAX_ZIP_ENTRIES = 100_000;

    private final ContentSniffer sniffer;
    private final ContentPolicy policy;
    private final DocumentStore store;
    private final Checklists checklists;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    UploadCompletion(ContentSniffer sniffer, ContentPolicy policy, DocumentStore store, Checklists checklists,
                     Outbox outbox, AuditTrail audit, Clock clock) {
        this.sniffer = sniffer;
        this.policy = policy;
        this.store = store;
        this.checklists = checklists;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    private record Checked(AllowedType type, List<ZippedStudyReader.Instance> dicom) {
    }

    /** @return the new document's id; throws {@link UploadRefused} or a 409 for a duplicate */
    public UUID complete(Caller caller, UUID uploadId, Path part, String sha256) {
        Upload upload = QuarkusTransaction.requiringNew().call(() -> Upload.<Upload>findById(uploadId));
        Checked checked;
        try {
            checked = check(upload, part, sha256);
        } catch (UploadRefused refused) {
            refuse(caller, upload, part, refused.reason(), refused.getMessage());
            throw refused;
        }
        UUID existing = QuarkusTransaction.requiringNew().call(() -> {
            Document duplicate = Document.ofCaseAndHash(upload.caseId, sha256);
            return duplicate == null ? null : duplicate.id;
        });
        if (existing != null) {
            duplicate(caller, upload, part, existing);
            throw new ProblemException.Conflict("The same file is already document " + existing + " of this case");
        }
        try {
            store.put(part, sha256);
        } catch (IOException e) {
            throw new IllegalStateException("Storing upload " + uploadId + " failed", e);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> record(caller, upload.id, checked, sha256));
        } catch (RuntimeException e) {
            // Two uploads of the same file to one case raced: the unique (case, hash) constraint kept one.
            UUID winner = QuarkusTransaction.requiringNew().call(() -> {
                Document duplicate = Document.ofCaseAndHash(upload.caseId, sha256);
                return duplicate == null ? null : duplicate.id;
            });
            if (winner != null) {
                duplicate(caller, upload, part, winner);
                throw new ProblemException.Conflict("The same file is already document " + winner + " of this case");
            }
            throw e;
        }
    }

    private Checked check(Upload upload, Path part, String sha256) {
        if (upload.expectedSha256 != null && !upload.expectedSha256.equals(sha256)) {
            throw new UploadRefused(ProblemType.UNPROCESSABLE, "CHECKSUM_MISMATCH",
                    "The file's SHA-256 does not match the checksum sent when the upload was created");
        }
        String sniffed;
        try {
            sniffed = sniffer.sniff(part);
        } catch (IOException e) {
            throw new IllegalStateException("Reading upload " + upload.id + " failed", e);
        }
        AllowedType type = policy.allowedOrRefuse(sniffed);
        if (upload.declaredType != null && !upload.declaredType.equals(type.mediaType())) {
            throw new UploadRefused(ProblemType.UNPROCESSABLE, "CONTENT_TYPE_MISMATCH",
                    "The file's content is " + type.mediaType() + ", not the declared " + upload.declaredType);
        }
        policy.checkSize(upload.length, policy.limit(type));
        if (type == AllowedType.PDF) {
            refuseActivePdf(part);
        }
        return new Checked(type, dicom(type, part, upload.length));
    }

    /** Specialists open these files: a PDF that would run code or carry other files is refused, not kept. */
    private static void refuseActivePdf(Path part) {
        Set<String> active;
        try {
            active = PdfActiveContent.of(part);
        } catch (PdfActiveContent.Unreadable e) {
            throw new UploadRefused(ProblemType.UNPROCESSABLE, "INVALID_PDF",
                    "The PDF cannot be read, so it cannot be checked for active content");
        }
        if (!active.isEmpty()) {
            throw new UploadRefused(ProblemType.UNPROCESSABLE, "ACTIVE_CONTENT", "PDFs with JavaScript, launch "
                    + "actions or embedded files are not accepted; this one has " + String.join(", ", active));
        }
    }

    private static List<ZippedStudyReader.Instance> dicom(AllowedType type, Path part, long length) {
        if (type != AllowedType.DICOM && type != AllowedType.ZIP) {
            return List.of();
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(part), 65536)) {
            if (type == AllowedType.DICOM) {
                DicomHeader header = DicomHeaderReader.read(in, length);
                return List.of(new ZippedStudyReader.Instance(null, header));
            }
            return ZippedStudyReader.read(in, length, MAX_ZIP_ENTRIES);
        } catch (DicomException e) {
            throw new UploadRefused(ProblemType.UNPROCESSABLE, "INVALID_DICOM",
                    "The imaging file cannot be read: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("Reading the upload failed", e);
        }
    }

    /**
     * An upload that named only its kind, and found no item for it when it was created: the item may have been made
     * since (the doctor's request arrived while the bytes were on their way). Looked for under the case file's lock,
     * which the checklist's changes take too (see {@link Checklists#lockFile}).
     */
    private static UUID itemCreatedSince(Upload upload) {
        CaseFile file = CaseFile.findById(upload.caseId);
        if (file == null || upload.kind == null) {
            return null;
        }
        Checklists.lockFile(file);
        return Uploads.itemForKind(upload.caseId, upload.kind);
    }

    private UUID record(Caller caller, UUID uploadId, Checked checked, String sha256) {
        Upload upload = Upload.findById(uploadId);
        Instant now = clock.instant();
        Document document = new Document();
        document.id = UUID.randomUUID();
        document.caseId = upload.caseId;
        document.tenant = upload.tenant;
        document.checklistItemId = upload.checklistItemId != null ? upload.checklistItemId : itemCreatedSince(upload);
        document.kind = upload.kind;
        document.filename = FileNames.withExtensionOf(upload.filename, checked.type());
        document.contentType = checked.type().mediaType();
        document.sizeBytes = upload.length;
        document.sha256 = sha256;
        document.uploadedBy = upload.createdBy;
        document.uploadedByRole = upload.createdByRole;
        document.uploadedAt = now;
        document.persist();
        Document.flush();
        List<DicomInstance> indexed = new ArrayList<>();
        for (ZippedStudyReader.Instance instance : checked.dicom()) {
            DicomInstance i = DicomInstance.of(document.id, document.caseId, instance.entryName(), instance.header());
            i.persist();
            indexed.add(i);
        }
        if (document.checklistItemId != null) {
            ChecklistItem item = ChecklistItem.findById(document.checklistItemId);
            if (item != null && item.state.mayReceive()) {
                checklists.received(item, document.id);
            }
        }
        upload.complete(document.id, now);
        outbox.append(new OutgoingEvent(DocumentEvents.TOPIC, DocumentEvents.UPLOADED, upload.caseId.toString(),
                upload.tenant, new DocumentUploaded(upload.caseId, upload.tenant, document.id, document.checklistItemId,
                document.kind, document.contentType, document.sizeBytes, sha256, document.uploadedByRole, now,
                DocumentUploaded.Study.of(indexed))));
        audit.allowed(caller, new AuditedAccess("document", document.id.toString(), upload.caseId.toString(),
                upload.tenant, "CREATE", "records"));
        return document.id;
    }

    private void refuse(Caller caller, Upload upload, Path part, String reason, String detail) {
        deletePart(part);
        QuarkusTransaction.requiringNew().run(() -> {
            Upload current = Upload.findById(upload.id);
            Instant now = clock.instant();
            current.refuse(reason, now);
            outbox.append(new OutgoingEvent(DocumentEvents.TOPIC, DocumentEvents.REJECTED, upload.caseId.toString(),
                    upload.tenant, new DocumentRejected(upload.caseId, upload.tenant, upload.id, reason, now)));
            audit.allowed(caller, new AuditedAccess("upload", upload.id.toString(), upload.caseId.toString(),
                    upload.tenant, "UPLOAD_REFUSED", "records: " + reason));
        });
        LOG.infof("Upload %s of case %s refused: %s", upload.id, upload.caseId, reason);
    }

    private void duplicate(Caller caller, Upload upload, Path part, UUID existing) {
        deletePart(part);
        QuarkusTransaction.requiringNew().run(() -> {
            Upload current = Upload.findById(upload.id);
            current.markDuplicate(existing, clock.instant());
            audit.allowed(caller, new AuditedAccess("upload", upload.id.toString(), upload.caseId.toString(),
                    upload.tenant, "UPLOAD_DUPLICATE", "records"));
        });
    }

    private static void deletePart(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            LOG.warnf("Could not delete refused upload part %s: %s", part.getFileName(), e.getMessage());
        }
    }
}
