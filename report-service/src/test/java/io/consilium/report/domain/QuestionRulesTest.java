package io.consilium.report.domain;

import io.consilium.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue 12's leftovers in report-service, without Quarkus: no submission before the brief, questions changed after
 * submission reopen the report (never a released one), approval and release need an answer to every question, and
 * a partner's copy carries none of the patient's own words.
 */
class QuestionRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    private static final String OWN = "6f1c1f3e-9a4b-4c55-8d1e-2b7d3c4e5f60";

    private static BriefQuestion standard(String code) {
        return new BriefQuestion(code, "STANDARD", null, null, null, null);
    }

    private static BriefQuestion own(String id, String text) {
        return new BriefQuestion(id, "OWN", text, "es", null, null);
    }

    private static CaseFile fileWithBrief(List<BriefQuestion> questions) {
        CaseFile f = new CaseFile();
        f.caseId = UUID.randomUUID();
        f.questions = List.of("PROGNOSIS");
        f.briefChanged(questions, T0);
        return f;
    }

    private static ReportContent answering(String... ids) {
        ReportContent c = ReportTest.complete("Surveillance");
        return c.withAnswers(java.util.Arrays.stream(ids).map(id -> new ReportContent.Answer(id, "An answer")).toList());
    }

    @Test
    void noSubmissionBeforeTheBriefHasArrived() {
        CaseFile file = new CaseFile();
        file.questions = List.of("PROGNOSIS");
        Report r = Report.open(UUID.randomUUID(), "sp-1", null, T0);
        r.saveDraft(answering("PROGNOSIS"), T0);
        ProblemException refused = catchThrowableOfType(() -> r.submit(file, T0), ProblemException.Conflict.class);
        assertThat(refused.extensions()).containsEntry("reason", "BRIEF_NOT_RECEIVED");
        assertThat(r.state).isEqualTo(ReportState.DRAFT);
        assertThat(r.latestVersion).isZero();
        assertThatThrownBy(() -> r.submit((CaseFile) null, T0)).isInstanceOf(ProblemException.Conflict.class);

        file.briefChanged(List.of(standard("PROGNOSIS"), own(OWN, "¿Puedo seguir nadando?")), T0);
        assertThatThrownBy(() -> r.submit(file, T0)).isInstanceOf(ProblemException.Unprocessable.class)
                .hasMessageContaining("answers lacks question " + OWN);
        r.saveDraft(answering("PROGNOSIS", OWN), T0);
        assertThat(r.submit(file, T0).number).isEqualTo(1);
    }

    @Test
    void aBriefTellsWhichQuestionsAreNewOrRewordedAndAnOlderOneChangesNothing() {
        CaseFile file = fileWithBrief(List.of(standard("PROGNOSIS"), own(OWN, "¿Puedo seguir nadando?")));
        String added = UUID.randomUUID().toString();
        CaseFile.BriefChange change = file.briefChanged(List.of(standard("PROGNOSIS"),
                own(OWN, "¿Puedo seguir nadando en el mar?"), own(added, "¿Y correr?"), standard("WAIT_AND_SEE")),
                T0.plusSeconds(60));
        assertThat(change.kept()).isTrue();
        assertThat(change.newOrReworded()).containsExactly(OWN, added, "WAIT_AND_SEE");

        CaseFile.BriefChange translationOnly = file.briefChanged(List.of(standard("PROGNOSIS"),
                new BriefQuestion(OWN, "OWN", "¿Puedo seguir nadando en el mar?", "es", "Can I keep swimming in the sea?",
                        "en")), T0.plusSeconds(120));
        assertThat(translationOnly.newOrReworded()).as("a translation does not change the question").isEmpty();

        CaseFile.BriefChange late = file.briefChanged(List.of(standard("DIAGNOSIS_CORRECT")), T0);
        assertThat(late.kept()).isFalse();
        assertThat(file.questionIds()).containsExactly("PROGNOSIS", OWN);
    }

    @Test
    void onlySubmittedAndApprovedReportsAreReopenedNeverAReleasedOne() {
        Report submitted = Report.open(UUID.randomUUID(), "sp-1", null, T0);
        submitted.saveDraft(answering("PROGNOSIS"), T0);
        submitted.submit(List.of("PROGNOSIS"), T0);
        assertThat(submitted.reopenForQuestions(List.of(OWN), T0)).isTrue();
        assertThat(submitted.state).isEqualTo(ReportState.CHANGES_REQUESTED);
        assertThat(submitted.reviewComment).contains(OWN);
        submitted.saveDraft(answering("PROGNOSIS", OWN), T0);
        assertThat(submitted.submit(List.of("PROGNOSIS", OWN), T0).number).isEqualTo(2);

        submitted.approve("dr", T0);
        assertThat(submitted.reopenForQuestions(List.of("WAIT_AND_SEE"), T0)).isTrue();
        assertThat(submitted.state).isEqualTo(ReportState.CHANGES_REQUESTED);
        assertThat(submitted.reopenForQuestions(List.of("WAIT_AND_SEE"), T0)).as("already with its specialist").isFalse();

        Report released = Report.open(UUID.randomUUID(), "sp-2", null, T0);
        released.saveDraft(answering("PROGNOSIS"), T0);
        released.submit(List.of("PROGNOSIS"), T0);
        released.approve("dr", T0);
        released.release(T0);
        assertThat(released.reopenForQuestions(List.of(OWN), T0)).isFalse();
        assertThat(released.state).isEqualTo(ReportState.RELEASED);
        Report draft = Report.open(UUID.randomUUID(), "sp-3", null, T0);
        assertThat(draft.reopenForQuestions(List.of(OWN), T0)).isFalse();
        assertThat(draft.state).isEqualTo(ReportState.DRAFT);
    }

    @Test
    void approvalAndReleaseNeedAnAnswerToEveryQuestionNamedById() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        AnswerCoverage.requireAnswered(Map.of(a, answering("PROGNOSIS", OWN)), List.of("PROGNOSIS", OWN));
        ProblemException refused = catchThrowableOfType(() -> AnswerCoverage.requireAnswered(
                new java.util.LinkedHashMap<>(Map.of(a, answering("PROGNOSIS", OWN), b, answering("PROGNOSIS"))),
                List.of("PROGNOSIS", OWN)), ProblemException.Conflict.class);
        assertThat(refused.extensions()).containsEntry("reason", "UNANSWERED_QUESTIONS")
                .containsEntry("unansweredQuestions", List.of(Map.of("reportId", b.toString(), "questions", List.of(OWN))));
        assertThat(refused.getMessage()).contains(b.toString(), OWN).doesNotContain(a.toString());
    }

    @Test
    void aPartnersCopyKeepsOnlyTheAnswersToStandardQuestions() {
        ReportContent c = answering("PROGNOSIS", OWN, "WAIT_AND_SEE");
        assertThat(PartnerCopy.of(c).answers()).extracting(ReportContent.Answer::questionCode)
                .containsExactly("PROGNOSIS", "WAIT_AND_SEE");
        assertThat(PartnerCopy.of(c).diagnosis()).isEqualTo(c.diagnosis());
        Report.Addendum addendum = PartnerCopy.of(new Report.Addendum(UUID.randomUUID(), "¿Y el sol?", "Con crema", 1));
        assertThat(addendum.question()).isNull();
        assertThat(addendum.answer()).isNull();
        assertThat(PartnerCopy.standardQuestion(OWN)).isFalse();
        assertThat(PartnerCopy.standardQuestion("DIAGNOSIS_CORRECT")).isTrue();
    }
}
