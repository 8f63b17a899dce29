package io.consilium.document.domain;

import io.consilium.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A resumable upload (a tus upload resource). Its bytes so far live in a part file whose size is the upload
 * offset; the row holds what was declared when it was created and how it ended.
 * <p>
 * An aggregate with a guarded state: {@code IN_PROGRESS} until it is completed, refused, found to be a duplicate
 * or expired, each only through its method here, and each final. A transition from a final state is refused with
 * a 409 (a second completion racing the expiry, say), and {@code @Version} makes a concurrent change of the same
 * row fail instead of overwriting it.
 */
@Entity
@Table(name = "upload")
public class Upload extends PanacheEntityBase {

    public enum State { IN_PROGRESS, COMPLETED, REJECTED, DUPLICATE, EXPIRED }

    /** Declared by the client when the upload is created; fixed afterwards. */
    public record Declared(long length, String filename, String declaredType, String kind, UUID checklistItemId,
                           String expectedSha256) {
    }

    @Id
    public UUID id;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    public String tenant;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_by_role", nullable = false)
    public String createdByRole;
    @Column(nullable = false)
    public long length;
    @Column(nullable = false)
    public String filename;
    @Column(name = "declared_type")
    public String declaredType;
    @Column(nullable = false)
    public String kind;
    @Column(name = "checklist_item_id")
    public UUID checklistItemId;
    @Column(name = "expected_sha256")
    public String expectedSha256;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    // The state and how it ended: private, changed only by the transitions below.
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;
    private String reason;
    @Column(name = "document_id")
    private UUID documentId;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    /** A new upload in progress, created by {@code createdBy} acting as {@code role}. */
    public static Upload start(UUID caseId, String tenant, String createdBy, String role, Declared declared,
                               Instant now) {
        Upload upload = new Upload();
        upload.id = UUID.randomUUID();
        upload.caseId = caseId;
        upload.tenant = tenant;
        upload.createdBy = createdBy;
        upload.createdByRole = role;
        upload.length = declared.length();
        upload.filename = declared.filename();
        upload.declaredType = declared.declaredType();
        upload.kind = declared.kind();
        upload.checklistItemId = declared.checklistItemId();
        upload.expectedSha256 = declared.expectedSha256();
        upload.state = State.IN_PROGRESS;
        upload.createdAt = now;
        upload.updatedAt = now;
        return upload;
    }

    public State state() {
        return state;
    }

    /** Why it was refused (a rejection reason, {@code DUPLICATE} or {@code EXPIRED}); null otherwise. */
    public String reason() {
        return reason;
    }

    /** The document it became, or the existing one it duplicates. */
    public UUID documentId() {
        return documentId;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    public boolean inProgress() {
        return state == State.IN_PROGRESS;
    }

    /** In progress and nobody appended to it since {@code cutoff}. */
    public boolean idleSince(Instant cutoff) {
        return inProgress() && updatedAt.isBefore(cutoff);
    }

    /** An append is admitted: the upload must still be in progress; its idle time starts again. */
    public void appending(Instant now) {
        if (!inProgress()) {
            throw new ProblemException.Conflict("The upload is already " + state.name().toLowerCase(Locale.ROOT));
        }
        updatedAt = now;
    }

    /** All bytes arrived and passed the checks: the upload is {@code document}. */
    public void complete(UUID document, Instant now) {
        moveTo(State.COMPLETED, now);
        documentId = document;
    }

    /** The checks refused the bytes, for {@code why} (a {@code rejected} event's reason). */
    public void refuse(String why, Instant now) {
        moveTo(State.REJECTED, now);
        reason = why;
    }

    /** The same bytes are already {@code existing} of the case. */
    public void markDuplicate(UUID existing, Instant now) {
        moveTo(State.DUPLICATE, now);
        documentId = existing;
        reason = "DUPLICATE";
    }

    /** Abandoned: nobody appended for too long. */
    public void expire(Instant now) {
        moveTo(State.EXPIRED, now);
        reason = "EXPIRED";
    }

    private void moveTo(State to, Instant now) {
        if (!inProgress()) {
            throw new ProblemException.Conflict("An upload that is " + state.name().toLowerCase(Locale.ROOT)
                    + " cannot become " + to.name().toLowerCase(Locale.ROOT));
        }
        state = to;
        updatedAt = now;
    }
}
