package io.consilium.document.domain;

import io.consilium.document.dicom.DicomHeader;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** One indexed DICOM instance of a document (a single file, or one entry of a zipped study). */
@Entity
@Table(name = "dicom_instance")
public class DicomInstance extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "document_id", nullable = false)
    public UUID documentId;
    @Column(name = "case_id", nullable = false)
    public UUID caseId;
    @Column(name = "entry_name")
    public String entryName;
    @Column(name = "study_instance_uid")
    public String studyInstanceUid;
    @Column(name = "series_instance_uid")
    public String seriesInstanceUid;
    @Column(name = "sop_instance_uid")
    public String sopInstanceUid;
    public String modality;
    @Column(name = "body_part")
    public String bodyPart;
    @Column(name = "study_date")
    public LocalDate studyDate;
    @Column(name = "transfer_syntax", nullable = false)
    public String transferSyntax;

    public static DicomInstance of(UUID documentId, UUID caseId, String entryName, DicomHeader header) {
        DicomInstance instance = new DicomInstance();
        instance.documentId = documentId;
        instance.caseId = caseId;
        instance.entryName = entryName;
        instance.studyInstanceUid = cut(header.studyInstanceUid(), 64);
        instance.seriesInstanceUid = cut(header.seriesInstanceUid(), 64);
        instance.sopInstanceUid = cut(header.sopInstanceUid(), 64);
        instance.modality = cut(header.modality(), 16);
        instance.bodyPart = cut(header.bodyPart(), 64);
        instance.studyDate = header.studyDate();
        instance.transferSyntax = cut(header.transferSyntax(), 64);
        return instance;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
