package io.consilium.document.api;

import io.consilium.document.domain.DicomInstance;
import io.consilium.document.domain.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A document's metadata (never its content), with its DICOM index when it is imaging. */
public record DocumentView(UUID id, UUID caseId, UUID checklistItemId, String kind, String filename,
                           String contentType, long sizeBytes, String sha256, String uploadedByRole,
                           Instant uploadedAt, List<Imaging> dicom) {

    public record Imaging(String entryName, String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid,
                          String modality, String bodyPart, LocalDate studyDate, String transferSyntax,
                          UUID documentId) {

        public static Imaging of(DicomInstance i) {
            return new Imaging(i.entryName, i.studyInstanceUid, i.seriesInstanceUid, i.sopInstanceUid, i.modality,
                    i.bodyPart, i.studyDate, i.transferSyntax, i.documentId);
        }
    }

    public static DocumentView of(Document d, List<DicomInstance> dicom) {
        return new DocumentView(d.id, d.caseId, d.checklistItemId, d.kind, d.filename, d.contentType, d.sizeBytes,
                d.sha256, d.uploadedByRole, d.uploadedAt, dicom == null ? null : dicom.stream().map(Imaging::of).toList());
    }
}
