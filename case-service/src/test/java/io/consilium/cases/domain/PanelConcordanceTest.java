package io.consilium.cases.domain;

import io.consilium.cases.domain.PanelConcordance.Agreement;
import io.consilium.cases.domain.PanelConcordance.Assessment;
import io.consilium.cases.domain.PanelConcordance.Opinion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PanelConcordanceTest {

    private static Opinion o(String assessment, String surgery, boolean treatmentChanged) {
        return new Opinion(assessment, surgery, treatmentChanged);
    }

    @Test
    void ajsThreeConfirmingReportsAreOneUnanimouslyConfirmedCase() {
        var v = PanelConcordance.of(List.of(o("CONFIRMED", "NO", true), o("CONFIRMED", "NO", true), o("CONFIRMED", "NO", true)));
        assertThat(v.reports()).isEqualTo(3);
        assertThat(v.assessment()).isEqualTo(Assessment.CONFIRMED);
        assertThat(v.agreement()).isEqualTo(Agreement.UNANIMOUS);
        assertThat(v.surgeryNecessary()).isEqualTo("NO");
        assertThat(v.treatmentChanged()).isTrue();
        assertThat(v.assessments()).containsEntry(Assessment.CONFIRMED, 3).containsEntry(Assessment.CHANGED, 0);
    }

    @Test
    void leesTwoExpertsChangingTheDiagnosisAreUnanimous() {
        var v = PanelConcordance.of(List.of(o("CHANGED", "NO", true), o("CHANGED", "NO", true)));
        assertThat(v.assessment()).isEqualTo(Assessment.CHANGED);
        assertThat(v.agreement()).isEqualTo(Agreement.UNANIMOUS);
    }

    @Test
    void aMajorityDecidesASplitPanel() {
        var v = PanelConcordance.of(List.of(o("CONFIRMED", "YES", false), o("CONFIRMED", "NO", false), o("REFINED", "NO", true)));
        assertThat(v.assessment()).isEqualTo(Assessment.CONFIRMED);
        assertThat(v.agreement()).isEqualTo(Agreement.SPLIT);
        assertThat(v.surgeryNecessary()).isEqualTo("NO");
        assertThat(v.treatmentChanged()).isFalse();
    }

    @Test
    void withoutAMajorityTheAssessmentFurthestFromTheDiagnosisWins() {
        assertThat(PanelConcordance.of(List.of(o("CONFIRMED", "NO", false), o("CHANGED", "YES", true))).assessment())
                .isEqualTo(Assessment.CHANGED);
        assertThat(PanelConcordance.of(List.of(o("CONFIRMED", "NO", false), o("REFINED", "NO", false))).assessment())
                .isEqualTo(Assessment.REFINED);
        var three = PanelConcordance.of(List.of(o("CONFIRMED", "NO", false), o("REFINED", "YES", false), o("CHANGED", "UNCERTAIN", false)));
        assertThat(three.assessment()).isEqualTo(Assessment.CHANGED);
        assertThat(three.agreement()).isEqualTo(Agreement.SPLIT);
        assertThat(three.surgeryNecessary()).isEqualTo("UNCERTAIN");
    }

    @Test
    void aTieOnTreatmentCountsAsChanged() {
        assertThat(PanelConcordance.of(List.of(o("CONFIRMED", "NO", true), o("CONFIRMED", "NO", false))).treatmentChanged()).isTrue();
        assertThat(PanelConcordance.of(List.of(o("CONFIRMED", "NO", true), o("CONFIRMED", "NO", false), o("CONFIRMED", "NO", false)))
                .treatmentChanged()).isFalse();
    }

    @Test
    void aReportWithoutAssessmentCountsButDecidesNothing() {
        var v = PanelConcordance.of(List.of(o("UNKNOWN", "NO", false), o("CONFIRMED", "NO", false)));
        assertThat(v.reports()).isEqualTo(2);
        assertThat(v.assessment()).isEqualTo(Assessment.CONFIRMED);
        assertThat(v.agreement()).isEqualTo(Agreement.SPLIT);
        assertThat(PanelConcordance.of(List.of(o("UNKNOWN", "NO", false))).assessment()).isNull();
        assertThat(PanelConcordance.of(List.of())).isNull();
    }
}
