package io.consilium.specialist.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A record stored for a case (document-service's {@code uploaded}), metadata only: the brief lists it so the
 * specialist knows what to fetch from document-service, which checks access again on every download.
 */
@Entity
@Table(name = "case_document")
public class CaseDocument extends PanacheEntityBase {

    @Id
    @Column(name = "document_id")
    public UUID documentId;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    @Column(name = "checklist_item_id")
    public UUID checklistItemId;
    public String kind;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public Long sizeBytes;
    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    public static List<CaseDocument> ofCase(UUID caseId) {
        return list("caseId = ?1 order by uploadedAt, documentId", caseId);
    }
}
