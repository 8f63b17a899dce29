package io.consilium.cases.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.security.CaseAccess.Visibility;

import java.util.List;

/**
 * One case as the caller may see it: the summary always, the intake (clinical content and contact data)
 * only for the patient and the assigned personal doctor.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(@JsonUnwrapped CaseSummary summary, String patientId, IntakeView intake) {

    public record IntakeView(OpenCaseRequest.Patient patient, OpenCaseRequest.Diagnosis diagnosis,
                             String proposedTreatment, OpenCaseRequest.TreatingDoctor treatingDoctor,
                             List<String> questions, List<String> otherQuestions, String discussionSummary,
                             String cancelReason) {
    }

    public static CaseView of(SmoCase c, Visibility visibility) {
        if (visibility != Visibility.FULL) {
            return new CaseView(CaseSummary.of(c), null, null);
        }
        return new CaseView(CaseSummary.of(c), c.patientId, new IntakeView(
                new OpenCaseRequest.Patient(c.patientName, c.patientEmail, c.patientPhone, c.preferredLanguage,
                        c.countryOfResidence),
                new OpenCaseRequest.Diagnosis(c.diagnosisText, c.diagnosisIcd10),
                c.proposedTreatment,
                new OpenCaseRequest.TreatingDoctor(c.treatingDoctorName, c.treatingInstitution, c.treatingCountry),
                c.standardQuestions, c.otherQuestions, c.discussionSummary, c.cancelReason));
    }
}
