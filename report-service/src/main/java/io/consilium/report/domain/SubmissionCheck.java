package io.consilium.report.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What a report needs before it can be submitted: the core findings and an answer to every question asked. */
public final class SubmissionCheck {

    private SubmissionCheck() {
    }

    /** The missing or wrong parts, empty when the content can be submitted. */
    public static List<String> problems(ReportContent c, Collection<String> patientQuestions) {
        List<String> problems = new ArrayList<>();
        if (c.diagnosisAssessment() == null) {
            problems.add("diagnosisAssessment is required");
        }
        if (blank(c.diagnosis())) {
            problems.add("diagnosis is required");
        }
        if (blank(c.recommendedTreatment())) {
            problems.add("recommendedTreatment is required");
        }
        if (c.treatmentChanged() == null) {
            problems.add("treatmentChanged is required");
        }
        if (c.surgeryNecessary() == null) {
            problems.add("surgeryNecessary is required");
        } else if (c.surgeryNecessary() != SurgeryNecessity.NO && blank(c.surgeryRationale())) {
            problems.add("surgeryRationale is required unless surgeryNecessary is NO");
        }
        // Coded lists: a test or medication once per list, and no test both to add and to stop (the summary would
        // tell the patient both).
        duplicates("testsToAddCoded", c.testsToAddCoded().stream().map(ReportContent.CodedTest::code).toList(), problems);
        duplicates("testsToStopCoded", c.testsToStopCoded().stream().map(ReportContent.CodedTest::code).toList(), problems);
        duplicates("medicationsAtc", c.medicationsAtc().stream().map(ReportContent.CodedMedication::atc).toList(), problems);
        Set<String> stop = c.testsToStopCoded().stream().map(ReportContent.CodedTest::code).collect(Collectors.toSet());
        c.testsToAddCoded().stream().map(ReportContent.CodedTest::code).filter(stop::contains).distinct()
                .forEach(code -> problems.add("test " + code + " is both in testsToAddCoded and in testsToStopCoded"));
        Set<String> answered = c.answers().stream().map(ReportContent.Answer::questionCode).collect(Collectors.toSet());
        for (String q : patientQuestions) {
            if (!answered.contains(q)) {
                problems.add("answers lacks question " + q);
            }
        }
        for (String code : answered) {
            if (!patientQuestions.contains(code)) {
                problems.add("answers names question " + code + " which the patient did not ask");
            }
        }
        return problems;
    }

    private static void duplicates(String field, List<String> codes, List<String> problems) {
        Set<String> seen = new java.util.HashSet<>();
        codes.stream().filter(code -> !seen.add(code)).distinct()
                .forEach(code -> problems.add(field + " names " + code + " more than once"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
