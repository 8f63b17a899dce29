package io.consilium.cases.domain;

import io.consilium.cases.domain.CaseAction.Actor;
import io.consilium.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may rewrite a case's questions when, and how own questions keep their ids (issue 12, item 2). */
class QuestionEditTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static SmoCase caseWith(CaseState state, String... own) {
        SmoCase c = new SmoCase();
        c.id = UUID.randomUUID();
        c.state = state;
        c.preferredLanguage = "es";
        c.ownQuestions = java.util.Arrays.stream(own).map(OwnQuestion::asked).toList();
        return c;
    }

    @Test
    void patientRewritesUntilTheReviewIsRequestedThenOnlyTheDoctor() {
        SmoCase c = caseWith(CaseState.READY_FOR_REVIEW, "¿Es el gel de ducha?");
        c.rewriteQuestions(Actor.PATIENT, List.of(ReasonCode.CONFIRM_DIAGNOSIS), List.of(StandardQuestion.ALTERNATIVES),
                List.of(new QuestionEdit.Draft(null, "¿Puedo seguir comiendo huevos?")), NOW);
        assertThat(c.ownQuestions).extracting(OwnQuestion::text).containsExactly("¿Puedo seguir comiendo huevos?");
        assertThat(c.standardQuestions).containsExactly("ALTERNATIVES");

        c.shareBrief(NOW);
        List<OwnQuestion> before = c.ownQuestions;
        assertThatThrownBy(() -> c.rewriteQuestions(Actor.PATIENT, List.of(ReasonCode.COMPLEX_CONDITION), List.of(),
                List.of(), NOW)).isInstanceOf(ProblemException.Conflict.class).hasMessageContaining("personal doctor");
        assertThat(c.ownQuestions).isEqualTo(before);
        assertThat(c.reasons).containsExactly("CONFIRM_DIAGNOSIS");

        c.rewriteQuestions(Actor.MANAGER, List.of(ReasonCode.COMPLEX_CONDITION), List.of(), List.of(), NOW);
        assertThat(c.ownQuestions).isEmpty();
        assertThat(c.reasons).containsExactly("COMPLEX_CONDITION");
    }

    @Test
    void questionsAreFinalOnceTheReportsAreIn() {
        for (CaseState state : List.of(CaseState.REPORT_READY, CaseState.REPORT_DELIVERED, CaseState.CLOSED,
                CaseState.CANCELLED, CaseState.REJECTED)) {
            SmoCase c = caseWith(state, "why?");
            assertThatThrownBy(() -> c.rewriteQuestions(Actor.MANAGER, List.of(ReasonCode.COMPLEX_CONDITION),
                    List.of(), List.of(), NOW)).as(state.name()).isInstanceOf(ProblemException.Conflict.class);
            assertThat(c.ownQuestions).extracting(OwnQuestion::text).containsExactly("why?");
        }
    }

    @Test
    void aRewriteKeepsTheIdAndDropsTheTranslationAnUnchangedQuestionKeepsBoth() {
        SmoCase c = caseWith(CaseState.IN_REVIEW, "¿Es el gel de ducha?", "¿Y el champú?");
        UUID first = c.ownQuestions.get(0).id();
        UUID second = c.ownQuestions.get(1).id();
        c.translateQuestion(first, "en", "Is it the shower gel?", NOW);
        c.translateQuestion(second, "en", "And the shampoo?", NOW);

        c.rewriteQuestions(Actor.MANAGER, List.of(ReasonCode.CONFIRM_DIAGNOSIS), List.of(), List.of(
                new QuestionEdit.Draft(second, "¿Y el champú?"),
                new QuestionEdit.Draft(first, "¿Es el gel de ducha o el jabón?")), NOW);

        assertThat(c.ownQuestions).extracting(OwnQuestion::id).containsExactly(second, first);
        assertThat(c.ownQuestions.get(0).translation()).isEqualTo("And the shampoo?");
        assertThat(c.ownQuestions.get(1).text()).isEqualTo("¿Es el gel de ducha o el jabón?");
        assertThat(c.ownQuestions.get(1).translation()).isNull();
    }

    @Test
    void unknownOrRepeatedIdsAreRefusedNamingTheField() {
        SmoCase c = caseWith(CaseState.DRAFT, "why?");
        UUID known = c.ownQuestions.get(0).id();
        assertThatThrownBy(() -> c.rewriteQuestions(Actor.PATIENT, List.of(ReasonCode.CONFIRM_DIAGNOSIS), List.of(),
                List.of(new QuestionEdit.Draft(UUID.randomUUID(), "x")), NOW))
                .isInstanceOfSatisfying(ProblemException.Unprocessable.class, e ->
                        assertThat(e.violations()).extracting(v -> v.field()).containsExactly("ownQuestions[0].id"));
        assertThatThrownBy(() -> c.rewriteQuestions(Actor.PATIENT, List.of(ReasonCode.CONFIRM_DIAGNOSIS), List.of(),
                List.of(new QuestionEdit.Draft(known, "a"), new QuestionEdit.Draft(known, "b")), NOW))
                .isInstanceOfSatisfying(ProblemException.Unprocessable.class, e ->
                        assertThat(e.violations()).extracting(v -> v.field()).containsExactly("ownQuestions[1].id"));
        assertThat(c.ownQuestions).extracting(OwnQuestion::text).containsExactly("why?");
    }

    @Test
    void aTranslationIsIntoAnotherLanguageThanThePatientsAndOfAQuestionTheCaseHas() {
        SmoCase c = caseWith(CaseState.COLLECTING_RECORDS, "¿Es el gel de ducha?");
        UUID id = c.ownQuestions.get(0).id();
        assertThatThrownBy(() -> c.translateQuestion(id, "es", "otra vez", NOW))
                .isInstanceOf(ProblemException.Unprocessable.class);
        assertThatThrownBy(() -> c.translateQuestion(UUID.randomUUID(), "en", "x", NOW))
                .isInstanceOf(ProblemException.NotFound.class);
        c.translateQuestion(id, "en", "Is it the shower gel?", NOW);
        assertThat(c.ownQuestions.get(0)).isEqualTo(new OwnQuestion(id, "¿Es el gel de ducha?",
                "Is it the shower gel?", "en"));
    }
}
