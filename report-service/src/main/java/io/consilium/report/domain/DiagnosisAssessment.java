package io.consilium.report.domain;

/** How the specialist judges the diagnosis the patient came with. */
public enum DiagnosisAssessment {
    CONFIRMED, REFINED, CHANGED
}
