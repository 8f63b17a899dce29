package io.consilium.cases.domain;

/** The eight questions every report answers when the patient asks them. */
public enum StandardQuestion {
    DIAGNOSIS_CORRECT,
    ALTERNATIVES,
    BENEFITS_RISKS,
    WAIT_AND_SEE,
    CLINICAL_TRIALS,
    SURGERY_NECESSARY,
    PROGNOSIS,
    WHY_DIFFERENT
}
