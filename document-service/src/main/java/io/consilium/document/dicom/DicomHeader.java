package io.consilium.document.dicom;

import java.time.LocalDate;

/** The header elements document-service indexes, read from one DICOM instance. Null when absent. */
public record DicomHeader(String transferSyntax, String sopClassUid, String studyInstanceUid,
                          String seriesInstanceUid, String sopInstanceUid, String modality, String bodyPart,
                          LocalDate studyDate, boolean pixelData) {
}
