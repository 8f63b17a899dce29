package io.consilium.report.domain;

import io.consilium.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report's state machine and its versions, without Quarkus. */
class ReportTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final List<String> QUESTIONS = List.of("PROGNOSIS");

    static ReportContent complete(String treatment) {
        return new ReportContent(DiagnosisAssessment.CONFIRMED, "Prostate cancer", "C61", treatment, false, null,
                null, List.of("NCT01234567"), SurgeryNecessity.NO, null, "Good", null, null, null, null,
                List.of(new ReportContent.Answer("PROGNOSIS", "Good")));
    }

    private static Report draft() {
        Report r = Report.open(UUID.randomUUID(), "sp-1", null, NOW);
        r.saveDraft(complete("Surveillance"), NOW);
        return r;
    }

    @Test
    void submissionFreezesTheContentWithItsHash() {
        Report r = draft();
        ReportVersion v1 = r.submit(QUESTIONS, NOW);
        assertThat(v1.number).isEqualTo(1);
        assertThat(v1.sha256).isEqualTo(CanonicalJson.sha256(CanonicalJson.write(complete("Surveillance"))));
        assertThat(v1.intact()).isTrue();
        assertThat(r.state).isEqualTo(ReportState.SUBMITTED);
    }

    @Test
    void namesAreKeptAsTheyWereAtEachStep() {
        Report r = draft();
        r.specialistName = "Dr. Ito (directory)";
        assertThat(r.authorNameNow(null)).as("no token name: the directory's").isEqualTo("Dr. Ito (directory)");
        assertThat(r.authorNameNow("Dr. Kenji Ito")).isEqualTo("Dr. Kenji Ito");
        assertThat(r.authorNameNow(" ")).as("a blank token name keeps the last one").isEqualTo("Dr. Kenji Ito");
        assertThat(r.authorNameNow("sp-1")).as("the subject is no name").isEqualTo("Dr. Kenji Ito");
        assertThat(r.authorNameNow("kito")).as("a login (no name claim) never replaces a name").isEqualTo("Dr. Kenji Ito");
        r.submit(QUESTIONS, NOW);
        r.approve("dr-1", "Dr. Carla Ruiz", NOW);
        assertThat(r.reviewedByName).isEqualTo("Dr. Carla Ruiz");
        r.release("dr-1", "Dr. Carla Ruiz", NOW);
        assertThat(r.releasedBy).isEqualTo("dr-1");
        assertThat(r.releasedByName).isEqualTo("Dr. Carla Ruiz");
    }

    @Test
    void aReportPastItsDeadlineIsFlaggedOnceAndASubmissionAfterItIsLate() {
        Report r = draft();
        assertThat(r.flagOverdue(NOW.plusSeconds(999_999))).as("no deadline, never overdue").isFalse();
        r.dueBy = NOW.plusSeconds(3600);
        assertThat(r.flagOverdue(NOW.plusSeconds(3600))).as("at the deadline itself: in time").isFalse();
        assertThat(r.flagOverdue(NOW.plusSeconds(3601))).isTrue();
        assertThat(r.overdueAt).isEqualTo(NOW.plusSeconds(3601));
        assertThat(r.flagOverdue(NOW.plusSeconds(7200))).as("once").isFalse();
        assertThat(r.lateAt(NOW.plusSeconds(3601))).isTrue();
        assertThat(r.lateAt(NOW)).isFalse();

        Report submitted = draft();
        submitted.dueBy = NOW.plusSeconds(60);
        submitted.submit(QUESTIONS, NOW);
        assertThat(submitted.flagOverdue(NOW.plusSeconds(120))).as("submitted in time").isFalse();
    }

    @Test
    void aTestBothToAddAndToStopOrAMedicationTwiceCannotBeSubmitted() {
        Report r = Report.open(UUID.randomUUID(), "sp-1", null, NOW);
        ReportContent c = complete("Surveillance");
        r.saveDraft(new ReportContent(c.diagnosisAssessment(), c.diagnosis(), c.diagnosisIcd10(), c.recommendedTreatment(),
                c.treatmentChanged(), null, null, c.clinicalTrials(), c.surgeryNecessary(), null, c.prognosis(), null,
                null, null, null, c.answers(), "ACTIVE_SURVEILLANCE",
                List.of(new ReportContent.CodedTest("PSA", "every six months")),
                List.of(new ReportContent.CodedTest("PSA", null), new ReportContent.CodedTest("BONE_SCAN", null)),
                List.of(new ReportContent.CodedMedication("R06AE07", null), new ReportContent.CodedMedication("R06AE07", "x"))), NOW);
        assertThatThrownBy(() -> r.submit(QUESTIONS, NOW)).isInstanceOf(ProblemException.Unprocessable.class)
                .hasMessageContaining("test PSA is both in testsToAddCoded and in testsToStopCoded")
                .hasMessageContaining("medicationsAtc names R06AE07 more than once");
        assertThat(r.state).isEqualTo(ReportState.DRAFT);
    }

    @Test
    void theSameContentAlwaysHasTheSameHash() {
        assertThat(CanonicalJson.write(complete("A"))).isEqualTo(CanonicalJson.write(complete("A")));
        assertThat(CanonicalJson.sha256(CanonicalJson.write(complete("A"))))
                .isNotEqualTo(CanonicalJson.sha256(CanonicalJson.write(complete("B"))));
    }

    @Test
    void aSubmittedReportCannotBeEditedOnlySentBackAndResubmittedAsANewVersion() {
        Report r = draft();
        ReportVersion v1 = r.submit(QUESTIONS, NOW);
        String hash = v1.sha256;
        assertThatThrownBy(() -> r.saveDraft(complete("Other"), NOW)).isInstanceOf(ProblemException.Conflict.class);
        r.requestChanges("why?", "dr", NOW);
        r.saveDraft(complete("Other"), NOW);
        ReportVersion v2 = r.submit(QUESTIONS, NOW);
        assertThat(v2.number).isEqualTo(2);
        assertThat(v2.sha256).isNotEqualTo(hash);
        assertThat(v1.sha256).isEqualTo(hash);
        assertThat(v1.intact()).isTrue();
    }

    @Test
    void illegalTransitionsAreRefused() {
        Report r = draft();
        assertThatThrownBy(() -> r.approve("dr", NOW)).isInstanceOf(ProblemException.Conflict.class);
        assertThatThrownBy(() -> r.release(NOW)).isInstanceOf(ProblemException.Conflict.class);
        assertThatThrownBy(() -> r.requestChanges("c", "dr", NOW)).isInstanceOf(ProblemException.Conflict.class);
        assertThatThrownBy(() -> r.addAddendum(new Report.Addendum(UUID.randomUUID(), "q", "a", 1), NOW))
                .isInstanceOf(ProblemException.Conflict.class);
        r.submit(QUESTIONS, NOW);
        assertThatThrownBy(() -> r.submit(QUESTIONS, NOW)).isInstanceOf(ProblemException.Conflict.class);
        assertThatThrownBy(() -> r.release(NOW)).isInstanceOf(ProblemException.Conflict.class);
        r.approve("dr", NOW);
        assertThatThrownBy(() -> r.requestChanges("c", "dr", NOW)).isInstanceOf(ProblemException.Conflict.class);
        r.release(NOW);
        assertThat(r.state).isEqualTo(ReportState.RELEASED);
        assertThatThrownBy(() -> r.approve("dr", NOW)).isInstanceOf(ProblemException.Conflict.class);
        ReportVersion addendum = r.addAddendum(new Report.Addendum(UUID.randomUUID(), "q", "a", 1), NOW);
        assertThat(addendum.number).isEqualTo(2);
        assertThat(addendum.kind).isEqualTo(VersionKind.ADDENDUM);
    }

    @Test
    void submissionNamesWhatIsMissing() {
        Report r = Report.open(UUID.randomUUID(), "sp-1", null, NOW);
        assertThatThrownBy(() -> r.submit(QUESTIONS, NOW)).isInstanceOf(ProblemException.Unprocessable.class)
                .hasMessageContaining("diagnosisAssessment").hasMessageContaining("answers lacks question PROGNOSIS");
        assertThat(r.state).isEqualTo(ReportState.DRAFT);
        assertThat(r.latestVersion).isZero();
    }
}
