package io.consilium.report.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A record stored by document-service for the case (metadata only): a DocumentReference, an ImagingStudy if DICOM. */
@Entity
@Table(name = "case_record")
public class CaseRecord extends PanacheEntityBase {

    /** The types document-service stores DICOM as: single files and zipped studies. */
    private static final List<String> IMAGING_TYPES = List.of("application/dicom", "application/zip");

    @Id
    @Column(name = "document_id")
    public UUID documentId;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    public String kind;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public Long sizeBytes;
    public String sha256;
    @Column(name = "uploaded_at")
    public Instant uploadedAt;
    /** Set when the personal doctor rejected the stored document: no longer one of the case's records. */
    @Column(name = "rejected_at")
    public Instant rejectedAt;
    /** The DICOM studies the file holds, as document-service indexed them; empty for other files and older events. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<DicomStudy> studies = new ArrayList<>();

    /** One DICOM study of a record: its UID, modalities, date, and how many series and instances. */
    public record DicomStudy(String studyInstanceUid, List<String> modalities, LocalDate studyDate, Integer series,
                             Integer instances) {
    }

    public boolean imaging() {
        return contentType != null && IMAGING_TYPES.contains(contentType);
    }

    public static List<CaseRecord> current(UUID caseId) {
        return list("caseId = ?1 and rejectedAt is null order by uploadedAt, documentId", caseId);
    }
}
