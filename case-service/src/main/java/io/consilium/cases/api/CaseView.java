package io.consilium.cases.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.security.CaseAccess.Visibility;

import java.util.List;

/**
 * One case as the caller may see it: the summary always, the intake (clinical content and contact data)
 * only for the patient and the assigned personal doctor (so a partner never reads the free-text questions).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(@JsonUnwrapped CaseSummary summary, String patientId, IntakeView intake) {

    public record IntakeView(OpenCaseRequest.Patient patient, OpenCaseRequest.Diagnosis diagnosis,
                             String proposedTreatment, OpenCaseRequest.TreatingDoctor treatingDoctor,
                             List<String> questions, List<String> otherQuestions, List<OwnQuestion> ownQuestions,
                             Background background, String discussionSummary, String cancelReason) {
    }

    /** One of the patient's own questions: its id (the one reports answer), the words, the doctor's translation. */
    public record OwnQuestion(String id, String text, String translation, String translationLanguage) {
    }

    public record Background(String history, String ageBand, String sex) {
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
                c.standardQuestions, c.ownQuestions.stream().map(q -> q.text()).toList(),
                c.ownQuestions.stream().map(q -> new OwnQuestion(q.id().toString(), q.text(), q.translation(),
                        q.translationLanguage())).toList(),
                new Background(c.history, c.ageBand == null ? null : c.ageBand.name(),
                        c.sex == null ? null : c.sex.name()),
                c.discussionSummary, c.cancelReason));
    }
}
