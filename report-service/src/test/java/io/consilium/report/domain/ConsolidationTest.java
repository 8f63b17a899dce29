package io.consilium.report.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ConsolidationTest {

    private static Consolidation.Opinion opinion(DiagnosisAssessment a, SurgeryNecessity s, String treatment) {
        ReportContent c = new ReportContent(a, "d", null, treatment, false, null, null, null, s, null, null, null,
                null, null, null, null);
        return new Consolidation.Opinion(UUID.randomUUID(), "sp", c);
    }

    @Test
    void aPanelAgreeingOnTwoPointsDiffersOnTheThird() {
        Consolidation.View v = Consolidation.of(List.of(
                opinion(DiagnosisAssessment.CONFIRMED, SurgeryNecessity.NO, "Active surveillance."),
                opinion(DiagnosisAssessment.CONFIRMED, SurgeryNecessity.NO, "active  SURVEILLANCE"),
                opinion(DiagnosisAssessment.CONFIRMED, SurgeryNecessity.YES, "Active surveillance")));
        assertThat(v.reports()).isEqualTo(3);
        assertThat(v.differing()).containsExactly(Consolidation.SURGERY_NECESSARY);
        assertThat(v.points()).extracting(Consolidation.Point::agreed).containsExactly(true, false, true);
        assertThat(v.points().get(1).values().values()).containsExactly("NO", "NO", "YES");
    }

    @Test
    void treatmentsAreComparedIgnoringCaseAccentsAndPunctuation() {
        assertThat(Consolidation.normalise(" Radiothérapie, 5 séances! ")).isEqualTo("radiotherapie 5 seances");
    }

    @Test
    void aMissingAnswerIsNoAgreement() {
        Consolidation.View v = Consolidation.of(List.of(
                opinion(DiagnosisAssessment.CHANGED, SurgeryNecessity.NO, "x"),
                opinion(null, SurgeryNecessity.NO, "x")));
        assertThat(v.differing()).containsExactly(Consolidation.DIAGNOSIS_ASSESSMENT);
    }
}
