package io.consilium.document.api;

import io.consilium.document.domain.DicomInstance;
import io.consilium.document.domain.Document;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A document's metadata (never its content), with its DICOM index when it is imaging. */
public record DocumentView(@Schema(examples = "5b0c7a2e-8f3d-4c1e-9a6b-2d4f8e1c3a70") UUID id,
                           @Schema(examples = "0e9d6c1a-3b7f-4e2a-8c5d-9f1b2a4c6e80") UUID caseId,
                           @Schema(examples = "c4a1e8f2-6d3b-4a9c-b7e5-1f2d3c4b5a60") UUID checklistItemId,
                           @Schema(examples = "IMAGING") String kind,
                           @Schema(examples = "ocular-ultrasound-b-scan-right-eye.dcm") String filename,
                           @Schema(examples = "application/dicom") String contentType,
                           @Schema(examples = "5242880") long sizeBytes,
                           @Schema(description = "SHA-256 of the content, hex",
                                   examples = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b") String sha256,
                           @Schema(examples = "patient") String uploadedByRole,
                           @Schema(examples = "2026-11-12T08:41:07Z") Instant uploadedAt,
                           @Schema(description = "The DICOM index; null for other documents") List<Imaging> dicom) {

    public record Imaging(@Schema(description = "Entry inside a ZIP; the file name for a single DICOM file",
                                  examples = "ocular-ultrasound-b-scan-right-eye.dcm") String entryName,
                          @Schema(examples = "1.2.826.0.1.3680043.8.498.10293847561029384756") String studyInstanceUid,
                          @Schema(examples = "1.2.826.0.1.3680043.8.498.10293847561029384757") String seriesInstanceUid,
                          @Schema(examples = "1.2.826.0.1.3680043.8.498.10293847561029384758") String sopInstanceUid,
                          @Schema(examples = "US") String modality,
                          @Schema(examples = "EYE") String bodyPart,
                          @Schema(examples = "2026-10-30") LocalDate studyDate,
                          @Schema(examples = "1.2.840.10008.1.2.1") String transferSyntax,
                          @Schema(examples = "5b0c7a2e-8f3d-4c1e-9a6b-2d4f8e1c3a70") UUID documentId) {

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
