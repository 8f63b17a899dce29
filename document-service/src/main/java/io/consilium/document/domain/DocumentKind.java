package io.consilium.document.domain;

/** What a document is, as the uploader declares it (metadata {@code kind}). */
public enum DocumentKind {
    MEDICAL_REPORT, LAB_RESULT, IMAGING, PATHOLOGY_REPORT, TREATMENT_HISTORY, PHOTO, OTHER
}
