package io.consilium.report.domain;

import io.consilium.report.domain.Consolidation.Outcome;
import io.consilium.report.domain.ReportContent.CodedMedication;
import io.consilium.report.domain.ReportContent.CodedTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ConsolidationTest {

    private static Consolidation.Opinion opinion(DiagnosisAssessment a, SurgeryNecessity s, String treatment) {
        return opinion(a, s, treatment, null, List.of(), List.of(), List.of());
    }

    private static Consolidation.Opinion opinion(DiagnosisAssessment a, SurgeryNecessity s, String treatment,
                                                 String treatmentCode, List<CodedTest> add, List<CodedTest> stop,
                                                 List<CodedMedication> meds) {
        ReportContent c = new ReportContent(a, "d", "L23.5", treatment, false, null, null, null, s, null, null, null,
                null, null, null, null, treatmentCode, add, stop, meds);
        return new Consolidation.Opinion(UUID.randomUUID(), "sp-" + UUID.randomUUID(), "Dr. " + treatment, c);
    }

    private static Map<String, Outcome> outcomes(Consolidation.View v) {
        return v.points().stream().collect(Collectors.toMap(Consolidation.Point::point, Consolidation.Point::outcome));
    }

    private static Consolidation.Point point(Consolidation.View v, String name) {
        return v.points().stream().filter(p -> p.point().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theSameTreatmentCodeInOtherWordsIsAgreement() {
        Consolidation.View v = Consolidation.of(List.of(
                opinion(DiagnosisAssessment.CHANGED, SurgeryNecessity.NO, "Avoid methylisothiazolinone; patch test",
                        "ALLERGEN_AVOIDANCE", List.of(), List.of(), List.of()),
                opinion(DiagnosisAssessment.CHANGED, SurgeryNecessity.NO, "Keep away from the preservative in shower gels",
                        "ALLERGEN_AVOIDANCE", List.of(), List.of(), List.of())));
        Consolidation.Point t = point(v, Consolidation.RECOMMENDED_TREATMENT);
        assertThat(t.outcome()).isEqualTo(Outcome.AGREED);
        assertThat(t.basis()).isEqualTo(Consolidation.Basis.CODE);
        assertThat(t.positions()).extracting(Consolidation.Position::text)
                .containsExactly("Avoid methylisothiazolinone; patch test", "Keep away from the preservative in shower gels");
        assertThat(v.differing()).isEmpty();
    }

    @Test
    void twoFreeTextTreatmentsWithoutCodesAreNotComparable() {
        Consolidation.View v = Consolidation.of(List.of(
                opinion(DiagnosisAssessment.CHANGED, SurgeryNecessity.NO, "Avoid methylisothiazolinone"),
                opinion(DiagnosisAssessment.CHANGED, SurgeryNecessity.NO, "Preservative-free products only")));
        Consolidation.Point t = point(v, Consolidation.RECOMMENDED_TREATMENT);
        assertThat(t.outcome()).isEqualTo(Outcome.NOT_COMPARABLE);
        assertThat(t.agreed()).isFalse();
        assertThat(t.basis()).isEqualTo(Consolidation.Basis.TEXT);
        assertThat(v.notComparable()).contains(Consolidation.RECOMMENDED_TREATMENT);
        assertThat(v.differing()).doesNotContain(Consolidation.RECOMMENDED_TREATMENT);
    }

    @Test
    void aCodeAgainstFreeTextIsNotComparableEitherNeverAFalseAgreement() {
        Consolidation.View v = Consolidation.of(List.of(
                opinion(DiagnosisAssessment.CONFIRMED, SurgeryNecessity.NO, "Plaque brachytherapy", "PLAQUE_BRACHYTHERAPY",
                        List.of(), List.of(), List.of()),
                opinion(DiagnosisAssessment.CONFIRMED, SurgeryNecessity.NO, "Plaque brachytherapy")));
        assertThat(point(v, Consolidation.RECOMMENDED_TREATMENT).outcome()).isEqualTo(Outcome.NOT_COMPARABLE);
    }

    @Test
    void freeTextInTheSameWordsAfterNormalisationAgrees() {
        Consolidation.View v = Consolidation.of(List.of(
                opinion(DiagnosisAssessment.CONFIRMED, SurgeryNecessity.NO, "Active surveillance."),
                opinion(DiagnosisAssessment.CONFIRMED, SurgeryNecessity.NO, "active  SURVEILLANCE")));
        assertThat(point(v, Consolidation.RECOMMENDED_TREATMENT).outcome()).isEqualTo(Outcome.AGREED);
        assertThat(point(v, Consolidation.RECOMMENDED_TREATMENT).basis()).isEqualTo(Consolidation.Basis.TEXT);
    }

    @Test
    void twoOfThreeOnSurgeryIsPartlyAgreedWithWhoSaidWhat() {
        Consolidation.View v = Consolidation.of(List.of(
                opinion(DiagnosisAssessment.CONFIRMED, SurgeryNecessity.NO, "a"),
                opinion(DiagnosisAssessment.CONFIRMED, SurgeryNecessity.NO, "b"),
                opinion(DiagnosisAssessment.CONFIRMED, SurgeryNecessity.YES, "c")));
        Consolidation.Point s = point(v, Consolidation.SURGERY_NECESSARY);
        assertThat(s.outcome()).isEqualTo(Outcome.PARTLY_AGREED);
        assertThat(s.question()).isEqualTo("SURGERY_NECESSARY");
        assertThat(s.positions()).extracting(Consolidation.Position::specialist, Consolidation.Position::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Dr. a", "NO"),
                        org.assertj.core.groups.Tuple.tuple("Dr. b", "NO"), org.assertj.core.groups.Tuple.tuple("Dr. c", "YES"));
        assertThat(v.differing()).containsExactly(Consolidation.SURGERY_NECESSARY);
        assertThat(outcomes(v)).containsEntry(Consolidation.DIAGNOSIS_ASSESSMENT, Outcome.AGREED)
                .containsEntry(Consolidation.DIAGNOSIS, Outcome.AGREED);
    }

    @Test
    void twoExpertsOnSurgeryWithOtherAnswersDiffer() {
        Consolidation.View v = Consolidation.of(List.of(
                opinion(DiagnosisAssessment.CONFIRMED, SurgeryNecessity.NO, "a"),
                opinion(DiagnosisAssessment.REFINED, SurgeryNecessity.YES, "b")));
        assertThat(outcomes(v)).containsEntry(Consolidation.SURGERY_NECESSARY, Outcome.DIFFERING)
                .containsEntry(Consolidation.DIAGNOSIS_ASSESSMENT, Outcome.DIFFERING);
    }

    @Test
    void testsAndMedicationsAreComparedAsSetsOfCodesWithWhoNamedEach() {
        Consolidation.View v = Consolidation.of(List.of(
                opinion(DiagnosisAssessment.CHANGED, SurgeryNecessity.NO, "x", "ALLERGEN_AVOIDANCE",
                        List.of(new CodedTest("PATCH_TEST_BASELINE", "European baseline series"),
                                new CodedTest("TOTAL_IGE", null)),
                        List.of(new CodedTest("FOOD_ALLERGY_TESTS", "no more food tests")),
                        List.of(new CodedMedication("R06AE07", "10 mg daily"))),
                opinion(DiagnosisAssessment.CHANGED, SurgeryNecessity.NO, "y", "ALLERGEN_AVOIDANCE",
                        List.of(new CodedTest("PATCH_TEST_BASELINE", "with preservatives")),
                        List.of(new CodedTest("FOOD_ALLERGY_TESTS", "stop them")),
                        List.of(new CodedMedication("R06AE07", "once a day")))));
        assertThat(outcomes(v)).containsEntry(Consolidation.TESTS_TO_STOP, Outcome.AGREED)
                .containsEntry(Consolidation.MEDICATIONS, Outcome.AGREED)
                .containsEntry(Consolidation.TESTS_TO_ADD, Outcome.PARTLY_AGREED);
        Map<String, Consolidation.Item> items = point(v, Consolidation.TESTS_TO_ADD).items().stream()
                .collect(Collectors.toMap(Consolidation.Item::code, Function.identity()));
        assertThat(items.get("PATCH_TEST_BASELINE").outcome()).isEqualTo(Outcome.AGREED);
        assertThat(items.get("TOTAL_IGE").outcome()).isEqualTo(Outcome.PARTLY_AGREED);
        assertThat(items.get("TOTAL_IGE").namedByNames()).containsExactly("Dr. x");
        assertThat(v.differing()).containsExactly(Consolidation.TESTS_TO_ADD);
    }

    @Test
    void disjointMedicationsDifferAndUncodedEntriesBesideCodesAreNoFullAgreement() {
        Consolidation.View v = Consolidation.of(List.of(
                opinion(DiagnosisAssessment.CHANGED, SurgeryNecessity.NO, "x", null, List.of(), List.of(),
                        List.of(new CodedMedication("R06AE07", null))),
                opinion(DiagnosisAssessment.CHANGED, SurgeryNecessity.NO, "y", null, List.of(), List.of(),
                        List.of(new CodedMedication("R06AX27", null)))));
        assertThat(point(v, Consolidation.MEDICATIONS).outcome()).isEqualTo(Outcome.DIFFERING);

        ReportContent withExtra = new ReportContent(DiagnosisAssessment.CHANGED, "d", null, "t", false, null, null,
                null, SurgeryNecessity.NO, null, null, null, null, null, List.of("Emollient without preservatives"),
                null, null, null, null, List.of(new CodedMedication("R06AE07", null)));
        ReportContent plain = new ReportContent(DiagnosisAssessment.CHANGED, "d", null, "t", false, null, null,
                null, SurgeryNecessity.NO, null, null, null, null, null, null, null, null, null, null,
                List.of(new CodedMedication("R06AE07", null)));
        Consolidation.View mixed = Consolidation.of(List.of(new Consolidation.Opinion(UUID.randomUUID(), "a", withExtra),
                new Consolidation.Opinion(UUID.randomUUID(), "b", plain)));
        Consolidation.Point m = point(mixed, Consolidation.MEDICATIONS);
        assertThat(m.outcome()).isEqualTo(Outcome.PARTLY_AGREED);
        assertThat(m.positions().get(0).uncoded()).containsExactly("Emollient without preservatives");
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
        assertThat(point(v, Consolidation.DIAGNOSIS_ASSESSMENT).outcome()).isEqualTo(Outcome.NOT_COMPARABLE);
        assertThat(point(v, Consolidation.DIAGNOSIS_ASSESSMENT).agreed()).isFalse();
    }
}
