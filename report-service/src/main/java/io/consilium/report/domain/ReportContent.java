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
 * <p>
 * Coded answers (issue 13): beside the free text, a report may carry codes from the {@link CodeCatalogue}s, which
 * are what the panel's {@link Consolidation} compares; a code not in a catalogue is refused (400 naming the field).
 * <ul>
 *   <li>{@code recommendedTreatmentCode}: the code of {@code recommendedTreatment} (catalogues/treatments.csv);</li>
 *   <li>{@code alternatives[].treatmentCode}: the same for each alternative;</li>
 *   <li>{@code testsToAddCoded} / {@code testsToStopCoded}: tests by code (catalogues/tests.csv) with the expert's
 *       own words for each ({@code text}, optional);</li>
 *   <li>{@code medicationsAtc}: medications by WHO ATC code (catalogues/medications.csv) with the expert's own
 *       words, e.g. the dose ({@code text}, optional).</li>
 * </ul>
 * The free-text lists {@code testsToAdd}, {@code testsToStop} and {@code medications} stay for what has no code
 * (and for reports written before codes existed); a reader shows both, a consolidation compares only the codes and
 * calls the uncoded rest "not comparable". Reports stored before issue 13 read with these fields empty.
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
        @Size(max = 30) List<@NotNull @Valid Answer> answers,
        @CatalogueCode(CodeCatalogue.Kind.TREATMENT) String recommendedTreatmentCode,
        @Size(max = 20) List<@NotNull @Valid CodedTest> testsToAddCoded,
        @Size(max = 20) List<@NotNull @Valid CodedTest> testsToStopCoded,
        @Size(max = 30) List<@NotNull @Valid CodedMedication> medicationsAtc) {

    public ReportContent {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        clinicalTrials = clinicalTrials == null ? List.of() : List.copyOf(clinicalTrials);
        testsToAdd = testsToAdd == null ? List.of() : List.copyOf(testsToAdd);
        testsToStop = testsToStop == null ? List.of() : List.copyOf(testsToStop);
        medications = medications == null ? List.of() : List.copyOf(medications);
        answers = answers == null ? List.of() : List.copyOf(answers);
        testsToAddCoded = testsToAddCoded == null ? List.of() : List.copyOf(testsToAddCoded);
        testsToStopCoded = testsToStopCoded == null ? List.of() : List.copyOf(testsToStopCoded);
        medicationsAtc = medicationsAtc == null ? List.of() : List.copyOf(medicationsAtc);
    }

    /** A report of the fields before issue 13 (no codes). */
    public ReportContent(DiagnosisAssessment diagnosisAssessment, String diagnosis, String diagnosisIcd10,
                         String recommendedTreatment, Boolean treatmentChanged, List<Alternative> alternatives,
                         String waitAndSee, List<String> clinicalTrials, SurgeryNecessity surgeryNecessary,
                         String surgeryRationale, String prognosis, String whyDifferent, List<String> testsToAdd,
                         List<String> testsToStop, List<String> medications, List<Answer> answers) {
        this(diagnosisAssessment, diagnosis, diagnosisIcd10, recommendedTreatment, treatmentChanged, alternatives,
                waitAndSee, clinicalTrials, surgeryNecessary, surgeryRationale, prognosis, whyDifferent, testsToAdd,
                testsToStop, medications, answers, null, null, null, null);
    }

    public static ReportContent empty() {
        return new ReportContent(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** The same report with other answers (a reader's copy; submitted versions themselves never change). */
    public ReportContent withAnswers(List<Answer> newAnswers) {
        return new ReportContent(diagnosisAssessment, diagnosis, diagnosisIcd10, recommendedTreatment,
                treatmentChanged, alternatives, waitAndSee, clinicalTrials, surgeryNecessary, surgeryRationale,
                prognosis, whyDifferent, testsToAdd, testsToStop, medications, newAnswers, recommendedTreatmentCode,
                testsToAddCoded, testsToStopCoded, medicationsAtc);
    }

    /** A treatment option the specialist weighed against the recommended one, with its code where it has one. */
    public record Alternative(@NotBlank @Size(max = 1000) String treatment, @Size(max = 2000) String benefits,
                              @Size(max = 2000) String risks,
                              @CatalogueCode(CodeCatalogue.Kind.TREATMENT) String treatmentCode) {

        public Alternative(String treatment, String benefits, String risks) {
            this(treatment, benefits, risks, null);
        }
    }

    /** A test by its catalogue code, with the expert's own words about it (which series, when). */
    public record CodedTest(@NotBlank @CatalogueCode(CodeCatalogue.Kind.TEST) String code,
                            @Size(max = 300) String text) {
    }

    /** A medication by its WHO ATC code, with the expert's own words (dose, duration). */
    public record CodedMedication(@NotBlank @CatalogueCode(CodeCatalogue.Kind.MEDICATION) String atc,
                                  @Size(max = 300) String text) {
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
