package io.consilium.cases.domain;

import java.util.List;

/**
 * What the patient or the partner tells us when the case is opened, already validated at the API edge.
 * Plain values; the entity copies them.
 */
public record Intake(String memberId, String patientId, PatientContact patient, List<ReasonCode> reasons,
                     String diagnosisText, String diagnosisIcd10, String proposedTreatment,
                     String treatingDoctorName, String treatingInstitution, String treatingCountry,
                     String requestedSpecialty, Urgency urgency, List<StandardQuestion> questions,
                     List<String> otherQuestions) {

    public record PatientContact(String name, String email, String phone, String preferredLanguage,
                                 String countryOfResidence) {
    }
}
