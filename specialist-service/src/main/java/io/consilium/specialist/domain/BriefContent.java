package io.consilium.specialist.domain;

import java.time.Instant;
import java.util.List;

/**
 * The specialists' brief as case-service last published it ({@code consilium.case.brief-changed.v1}): reasons,
 * questions (standard codes, and the patient's own words with the personal doctor's translation beside them),
 * diagnosis, proposed treatment, the doctor's history, treating institution, age band and sex. No identity.
 */
public record BriefContent(String requestedSpecialty, String urgency, String patientLanguage, List<String> reasons,
                           List<Question> questions, String diagnosisText, String diagnosisIcd10,
                           String proposedTreatment, String history, String treatingInstitution, String ageBand,
                           String sex) {

    /** {@code kind} STANDARD (questionId = the code, no text) or OWN (questionId = the question's id). */
    public record Question(String questionId, String kind, String text, String language, String translation,
                           String translationLanguage) {
    }
}
