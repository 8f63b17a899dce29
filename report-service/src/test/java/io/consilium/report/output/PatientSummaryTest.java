package io.consilium.report.output;

import io.consilium.report.domain.CodeCatalogue;
import io.consilium.report.domain.DiagnosisAssessment;
import io.consilium.report.domain.ReportContent;
import io.consilium.report.domain.SurgeryNecessity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary's rules without Quarkus: wording per language, experts without names, differences with reasons. */
class PatientSummaryTest {

    private static ReportContent content(DiagnosisAssessment a, SurgeryNecessity s, String rationale, String atc) {
        return new ReportContent(a, "Choroidal melanoma", "C69.3", "Plaque brachytherapy", true, null, null, null, s,
                rationale, null, null, null, null, null,
                List.of(new ReportContent.Answer("SURGERY_NECESSARY", "answer " + s)), "PLAQUE_BRACHYTHERAPY", null,
                null, atc == null ? null : List.of(new ReportContent.CodedMedication(atc, null)));
    }

    private static PatientSummary.Part part(String name, ReportContent c) {
        return new PatientSummary.Part(UUID.randomUUID(), new PatientSummary.Expert(name, "ophthalmic-oncology",
                "Clinic", "ES"), c, List.of(), Instant.parse("2026-12-02T10:00:00Z"));
    }

    @Test
    void everySummaryTextExistsInEveryLanguage() {
        for (String language : List.of("es", "de", "fr")) {
            assertThat(SummaryTexts.ENTRIES.get(language).keySet()).as(language)
                    .containsExactlyInAnyOrderElementsOf(SummaryTexts.ENTRIES.get("en").keySet());
        }
    }

    @Test
    void differencesNameWhoSaidWhatAndWhyInThePatientsLanguage() {
        PatientSummary.View v = PatientSummary.of(new PatientSummary.Input(UUID.randomUUID(), "de",
                List.of(new PatientSummary.Question("SURGERY_NECESSARY", true, null)),
                List.of(part("Dr. A", content(DiagnosisAssessment.CONFIRMED, SurgeryNecessity.NO, null, "R06AE07")),
                        part(null, content(DiagnosisAssessment.REFINED, SurgeryNecessity.YES, "Tumour too large", null))),
                null, null), CodeCatalogue.standard());
        assertThat(v.experts()).extracting(PatientSummary.ExpertView::name).containsExactly("Dr. A", "Facharzt 2");
        assertThat(v.experts().get(0).country()).isEqualTo("Spanien");
        assertThat(v.section("diagnosis").lead()).isEqualTo("Die Fachärzte beurteilen Ihre Diagnose unterschiedlich:");
        PatientSummary.Section differences = v.section("differences");
        assertThat(differences.heading()).isEqualTo("Worin die Fachärzte abweichen, und warum");
        assertThat(differences.entries()).extracting(PatientSummary.Entry::text)
                .contains("Ob eine Operation notwendig ist", "Medikamente");
        assertThat(differences.entries().stream().flatMap(e -> e.said().stream()).map(PatientSummary.Said::text))
                .contains("Ja (warum: Tumour too large)", "Nein", "Cetirizin", "keine");
        assertThat(v.section("questions").entries().get(0).text()).isEqualTo("Ist eine Operation notwendig?");
        assertThat(v.section("nextSteps").entries().get(1).text()).startsWith("Ihr persönlicher Arzt meldet sich");
    }

    @Test
    void oneExpertIsNoPanel() {
        PatientSummary.View v = PatientSummary.of(new PatientSummary.Input(UUID.randomUUID(), "fr", List.of(),
                List.of(part("Dr. A", content(DiagnosisAssessment.CONFIRMED, SurgeryNecessity.NO, null, null))),
                "Dr. C", new PatientSummary.CameWith("Mélanome", "C69.3", "Énucléation")), CodeCatalogue.standard());
        assertThat(v.intro()).startsWith("Un expert indépendant");
        assertThat(v.section("agreement")).isNull();
        assertThat(v.section("diagnosis").entries().get(0).text()).isEqualTo("Votre diagnostic jusqu'ici: Mélanome");
        assertThat(v.section("treatment").lead()).isEqualTo("Traitement proposé jusqu'ici: Énucléation");
        assertThat(v.section("treatment").entries().get(0).text()).isEqualTo("Curiethérapie par plaque (œil)");
        assertThat(v.section("medications").lead()).isEqualTo("aucun");
        assertThat(v.section("nextSteps").entries().get(1).text()).contains("Dr. C");
    }
}
