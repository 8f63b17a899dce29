package io.consilium.report.domain;

import java.util.regex.Pattern;

/**
 * What a partner insurer reads of a report it may see (issue 12: "the partner never reads free-text questions").
 * The patient's own questions and follow-up questions are the patient's words, and an answer to one restates it,
 * so the partner's copy keeps the answers to the standard questions only (an allow-list of their code format) and
 * the addenda without question or answer. Everything else of the report is as the patient reads it.
 */
public final class PartnerCopy {

    private static final Pattern STANDARD_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    private PartnerCopy() {
    }

    /** A standard question's code, not the id of one of the patient's own questions. */
    public static boolean standardQuestion(String questionCode) {
        return questionCode != null && STANDARD_CODE.matcher(questionCode).matches();
    }

    public static ReportContent of(ReportContent content) {
        return content == null ? null : content.withAnswers(content.answers().stream()
                .filter(a -> standardQuestion(a.questionCode())).toList());
    }

    public static Report.Addendum of(Report.Addendum addendum) {
        return new Report.Addendum(addendum.questionId(), null, null, addendum.answersVersion());
    }
}
