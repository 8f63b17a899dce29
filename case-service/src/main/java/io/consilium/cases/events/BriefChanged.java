package io.consilium.cases.events;

import io.consilium.cases.domain.OwnQuestion;
import io.consilium.cases.domain.SmoCase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code consilium.case.brief-changed.v1}: the specialists' brief, published just before each review request and
 * again on every later change. Clinical content, minimum necessary: no member id, patient id, name, contact data,
 * birth date or treating doctor's name; the treating institution stays because conflicts of interest are judged
 * by it. Only specialist-service (behind the invitation and consent checks) and report-service (the questions) use
 * it; other consumers ignore the type ({@code docs/events.md}).
 */
public record BriefChanged(UUID caseId, String tenant, String requestedSpecialty, String urgency,
                           String patientLanguage, List<String> reasons, List<Question> questions,
                           String diagnosisText, String diagnosisIcd10, String proposedTreatment, String history,
                           String treatingInstitution, String ageBand, String sex, Instant changedAt) {

    /**
     * One question of the brief. {@code questionId}: the code of a standard question ({@code kind} STANDARD, no
     * text) or the id of the patient's own question ({@code kind} OWN, with the patient's words in
     * {@code language} and the personal doctor's translation, if any, beside them).
     */
    public record Question(String questionId, String kind, String text, String language, String translation,
                           String translationLanguage) {
    }

    public static BriefChanged of(SmoCase c, Instant now) {
        List<Question> questions = new ArrayList<>();
        c.standardQuestions.forEach(code -> questions.add(new Question(code, "STANDARD", null, null, null, null)));
        for (OwnQuestion q : c.ownQuestions) {
            questions.add(new Question(q.id().toString(), "OWN", q.text(), c.preferredLanguage, q.translation(),
                    q.translationLanguage()));
        }
        return new BriefChanged(c.id, c.tenant, c.reviewSpecialty != null ? c.reviewSpecialty : c.requestedSpecialty,
                c.urgency.name(), c.preferredLanguage, List.copyOf(c.reasons), List.copyOf(questions),
                c.diagnosisText, c.diagnosisIcd10, c.proposedTreatment, c.history, c.treatingInstitution,
                c.ageBand == null ? null : c.ageBand.name(), c.sex == null ? null : c.sex.name(), now);
    }
}
