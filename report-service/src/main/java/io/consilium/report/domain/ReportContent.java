package io.consilium.report.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The structured expert report, answering the patient's questions. Every field may be empty in a draft; what a
 * submission needs is checked by {@link Report#submit}. Sizes are bounded so a draft cannot grow without limit.
 */
public record ReportContent(
        DiagnosisAssessment diagnosisAssessment,
        @Size(max = 2000) String diagnosis,
        @Pattern(regexp = "[A-TV-Z][0-9][0-9AB](\\.[0-9A-Z]{1,4})?", message = "must be an ICD-10 code such as C61 or C34.1")
        String diagnosisIcd10,
        @Size(max = 4000) String recommendedTreatment,
        Boolean treatmentChanged,
        @Size(max = 10) List<@NotNull @Valid Alternative> alternatives,
        @Size(max = 4000) String waitAndSee,
        @Size(max = 10) List<@NotNull @Pattern(regexp = "NCT\\d{8}|ISRCTN\\d{8}|\\d{4}-\\d{6}-\\d{2}(-\\d{2})?",
                message = "must be a trial registry id such as NCT01234567, ISRCTN12345678 or 2023-501234-12-00") String> clinicalTrials,
        SurgeryNecessity surgeryNecessary,
        @Size(max = 4000) String surgeryRationale,
        @Size(max = 4000) String prognosis,
        @Size(max = 4000) String whyDifferent,
        @Size(max = 20) List<@NotBlank @Size(max = 300) String> testsToAdd,
        @Size(max = 20) List<@NotBlank @Size(max = 300) String> testsToStop,
        @Size(max = 30) List<@NotBlank @Size(max = 300) String> medications,
        @Size(max = 30) List<@NotNull @Valid Answer> answers) {

    public ReportContent {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        clinicalTrials = clinicalTrials == null ? List.of() : List.copyOf(clinicalTrials);
        testsToAdd = testsToAdd == null ? List.of() : List.copyOf(testsToAdd);
        testsToStop = testsToStop == null ? List.of() : List.copyOf(testsToStop);
        medications = medications == null ? List.of() : List.copyOf(medications);
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    public static ReportContent empty() {
        return new ReportContent(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** The same report with other answers (a reader's copy; submitted versions themselves never change). */
    public ReportContent withAnswers(List<Answer> newAnswers) {
        return new ReportContent(diagnosisAssessment, diagnosis, diagnosisIcd10, recommendedTreatment,
                treatmentChanged, alternatives, waitAndSee, clinicalTrials, surgeryNecessary, surgeryRationale,
                prognosis, whyDifferent, testsToAdd, testsToStop, medications, newAnswers);
    }

    /** A treatment option the specialist weighed against the recommended one. */
    public record Alternative(@NotBlank @Size(max = 1000) String treatment, @Size(max = 2000) String benefits,
                              @Size(max = 2000) String risks) {
    }

    /**
     * The answer to one of the patient's questions: a standard one by its code (e.g. SURGERY_NECESSARY), one of the
     * patient's own by its id in the brief (a UUID).
     */
    public record Answer(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            message = "must be a question code such as PROGNOSIS or the id of one of the patient's own questions") String questionCode,
                         @NotBlank @Size(max = 4000) String text) {
    }
}
