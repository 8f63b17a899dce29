package io.consilium.document.events;

import io.consilium.document.domain.DicomInstance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code consilium.document.uploaded.v1}: a checked file was stored. Never the file name or its content.
 * {@code studies} (issue 13, for the FHIR case bundle's ImagingStudy): the DICOM studies the file holds, by study
 * instance UID, from the headers indexed at upload; empty for anything but DICOM (and absent in older events).
 */
public record DocumentUploaded(UUID caseId, String tenant, UUID documentId, UUID checklistItemId, String kind,
                               String contentType, long sizeBytes, String sha256, String uploadedByRole,
                               Instant uploadedAt, List<Study> studies) {

    /** One DICOM study in the file: its UID, modalities (sorted), study date, and how many series and instances. */
    public record Study(String studyInstanceUid, List<String> modalities, LocalDate studyDate, int series,
                        int instances) {

        /** The studies of a file's indexed instances, in the order they were first seen; instances without a UID are left out. */
        public static List<Study> of(List<DicomInstance> instances) {
            Map<String, List<DicomInstance>> byStudy = new LinkedHashMap<>();
            for (DicomInstance i : instances) {
                if (i.studyInstanceUid != null) {
                    byStudy.computeIfAbsent(i.studyInstanceUid, k -> new ArrayList<>()).add(i);
                }
            }
            List<Study> studies = new ArrayList<>();
            byStudy.forEach((uid, list) -> studies.add(new Study(uid,
                    List.copyOf(new TreeSet<>(list.stream().map(i -> i.modality).filter(Objects::nonNull).toList())),
                    list.stream().map(i -> i.studyDate).filter(Objects::nonNull).findFirst().orElse(null),
                    (int) list.stream().map(i -> i.seriesInstanceUid).filter(Objects::nonNull).distinct().count(),
                    list.size())));
            return studies;
        }
    }
}
