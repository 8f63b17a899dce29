package io.consilium.document.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored, checked file of a case. Its content is the store's object named by {@link #sha256}. */
@Entity
@Table(name = "document")
public class Document extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    public String tenant;
    @Column(name = "checklist_item_id")
    public UUID checklistItemId;
    @Column(nullable = false)
    public String kind;
    @Column(nullable = false)
    public String filename;
    @Column(name = "content_type", nullable = false)
    public String contentType;
    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;
    @Column(nullable = false)
    public String sha256;
    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;
    @Column(name = "uploaded_by_role", nullable = false)
    public String uploadedByRole;
    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    public static Document ofCaseAndHash(UUID caseId, String sha256) {
        return find("caseId = ?1 and sha256 = ?2", caseId, sha256).firstResult();
    }

    public static List<Document> ofCase(UUID caseId) {
        return list("caseId = ?1 order by uploadedAt, id", caseId);
    }
}
