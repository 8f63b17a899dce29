package io.consilium.cases.domain;

import java.util.List;

/**
 * What the patient or the partner tells us when the case is opened, already validated at the API edge.
 * Plain values; the entity copies them. {@code memberId} and {@code patientId} are what the request asked for
 * until {@link #ownedBy} replaces them with what the service established.
 */
public record Intake(String memberId, String patientId, PatientContact patient, List<ReasonCode> reasons,
                     String diagnosisText, String diagnosisIcd10, String proposedTreatment,
                     String treatingDoctorName, String treatingInstitution, String treatingCountry,
                     String requestedSpecialty, Urgency urgency, List<StandardQuestion> questions,
                     List<String> otherQuestions) {

    /** The same intake for the member and patient account the service established (never the request's own). */
    public Intake ownedBy(String member, String patient) {
        return new Intake(member, patient, this.patient, reasons, diagnosisText, diagnosisIcd10, proposedTreatment,
                treatingDoctorName, treatingInstitution, treatingCountry, requestedSpecialty, urgency, questions,
                otherQuestions);
    }

    public record PatientContact(String name, String email, String phone, String preferredLanguage,
                                 String countryOfResidence) {
    }
}
