package io.consilium.report.domain;

import io.consilium.platform.problem.ProblemException;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Whether submitted reports answer every question of the case's latest brief (issue 12). A question the personal
 * doctor added or rewrote after a report was submitted leaves that report without a fitting answer; such a report
 * is neither approved nor released until its specialist has answered (409 naming the questions by id, never by
 * their text: the patient's own words stay out of problem answers).
 */
public final class AnswerCoverage {

    public static final String UNANSWERED = "UNANSWERED_QUESTIONS";

    private AnswerCoverage() {
    }

    /** The question ids among {@code questionIds} the content has no answer to, in the brief's order. */
    public static List<String> unanswered(ReportContent content, Collection<String> questionIds) {
        Set<String> answered = content.answers().stream().map(ReportContent.Answer::questionCode)
                .collect(Collectors.toSet());
        return questionIds.stream().filter(q -> !answered.contains(q)).toList();
    }

    /**
     * Refuses with 409 ({@code reason} UNANSWERED_QUESTIONS, {@code unansweredQuestions} [{reportId, questions}])
     * when a report's latest submitted content lacks an answer to one of {@code questionIds}.
     *
     * @param submitted each report's latest submitted content
     */
    public static void requireAnswered(Map<UUID, ReportContent> submitted, Collection<String> questionIds) {
        Map<UUID, List<String>> missing = new LinkedHashMap<>();
        submitted.forEach((reportId, content) -> {
            List<String> open = unanswered(content, questionIds);
            if (!open.isEmpty()) {
                missing.put(reportId, open);
            }
        });
        if (missing.isEmpty()) {
            return;
        }
        String detail = missing.entrySet().stream()
                .map(e -> "report " + e.getKey() + " has no answer to question(s) " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
        throw new ProblemException.Conflict("Every report must answer every question of the brief first: " + detail)
                .with("reason", UNANSWERED)
                .with("unansweredQuestions", missing.entrySet().stream()
                        .map(e -> Map.of("reportId", e.getKey().toString(), "questions", e.getValue())).toList());
    }
}
