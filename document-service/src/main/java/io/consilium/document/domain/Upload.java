package io.consilium.document.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A resumable upload (a tus upload resource). Its bytes so far live in a part file whose size is the upload
 * offset; the row holds what was declared when it was created and how it ended.
 */
@Entity
@Table(name = "upload")
public class Upload extends PanacheEntityBase {

    public enum State { IN_PROGRESS, COMPLETED, REJECTED, DUPLICATE, EXPIRED }

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
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;
    public String reason;
    @Column(name = "document_id")
    public UUID documentId;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
