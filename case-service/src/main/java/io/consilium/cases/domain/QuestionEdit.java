package io.consilium.cases.domain;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules for rewriting the questions and reasons of a case (issue 12, item 2), plain so they are unit tested:
 * who may change them when, and how a new list of own questions is merged with the current one.
 */
public final class QuestionEdit {

    /** One own question as a request sends it: {@code id} of a question the case has, or null for a new one. */
    public record Draft(UUID id, String text) {
    }

    private QuestionEdit() {
    }

    /**
     * The patient owns the questions until the review is requested (the brief has gone to specialists); from
     * then on only the personal doctor changes them, so what the specialists answer never moves under them
     * unnoticed. Refused with 409 and no change.
     */
    public static void requireMayEdit(SmoCase c, CaseAction.Actor by) {
        if (by == CaseAction.Actor.PATIENT && (c.briefSharedAt != null || c.reviewRequestedAt != null)) {
            throw new ProblemException.Conflict("The review has been requested: the questions are now changed "
                    + "through your personal doctor");
        }
        if (by != CaseAction.Actor.PATIENT && by != CaseAction.Actor.MANAGER) {
            throw new IllegalArgumentException("only the patient and the personal doctor change questions");
        }
    }

    /**
     * The new own questions: a draft with an id keeps that question (rewritten when its text changed, which drops
     * a translation), one without an id is new, and questions left out are removed. An id the case does not have,
     * or the same id twice, is 422 naming the field.
     */
    public static List<OwnQuestion> merge(List<OwnQuestion> current, List<Draft> drafts) {
        Map<UUID, OwnQuestion> byId = current.stream()
                .collect(Collectors.toMap(OwnQuestion::id, Function.identity()));
        Set<UUID> seen = new HashSet<>();
        List<OwnQuestion> merged = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            if (d.id() == null) {
                merged.add(OwnQuestion.asked(d.text()));
                continue;
            }
            String field = "ownQuestions[" + i + "].id";
            OwnQuestion known = byId.get(d.id());
            if (known == null) {
                throw unprocessable(field, "is not a question of this case");
            }
            if (!seen.add(d.id())) {
                throw unprocessable(field, "names the same question twice");
            }
            merged.add(known.rewritten(d.text()));
        }
        return List.copyOf(merged);
    }

    /**
     * The personal doctor's translation of one own question, beside the original. A translation into the
     * patient's own language would only repeat the question: 422.
     */
    public static List<OwnQuestion> translate(List<OwnQuestion> current, UUID questionId, String language,
                                              String text, String patientLanguage) {
        if (language.equals(patientLanguage)) {
            throw unprocessable("language", "is the patient's own language; a translation is for specialists "
                    + "who read another one");
        }
        if (current.stream().noneMatch(q -> q.id().equals(questionId))) {
            throw new ProblemException.NotFound("No such question in this case");
        }
        return current.stream().map(q -> q.id().equals(questionId) ? q.translated(language, text) : q).toList();
    }

    private static ProblemException unprocessable(String field, String message) {
        return new ProblemException.Unprocessable(field + " " + message, List.of(new Violation(field, message)));
    }
}
