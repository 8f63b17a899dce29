package io.consilium.report.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeCatalogueTest {

    @Test
    void theFilesCarryWhatTheSeedStoriesNeedInThePatientsLanguage() {
        CodeCatalogue c = CodeCatalogue.standard();
        assertThat(c.name(CodeCatalogue.Kind.TREATMENT, "PLAQUE_BRACHYTHERAPY", "es")).startsWith("Braquiterapia");
        assertThat(c.name(CodeCatalogue.Kind.TREATMENT, "ENUCLEATION", "en")).isEqualTo("Enucleation of the eye");
        assertThat(c.name(CodeCatalogue.Kind.TEST, "PATCH_TEST_BASELINE", "de")).startsWith("Epikutantest");
        assertThat(c.name(CodeCatalogue.Kind.MEDICATION, "R06AE07", "fr")).isEqualTo("Cétirizine");
        assertThat(c.find(CodeCatalogue.Kind.TEST, "TOTAL_IGE").orElseThrow().reference()).isEqualTo("19113-0");
        assertThat(c.knows(CodeCatalogue.Kind.MEDICATION, "R06AE99")).isFalse();
        assertThat(c.knows(CodeCatalogue.Kind.TEST, "PLAQUE_BRACHYTHERAPY")).as("a treatment is no test").isFalse();
    }

    @Test
    void aLanguageWithoutANameFallsBackToEnglish() {
        CodeCatalogue c = CodeCatalogue.standard();
        assertThat(c.name(CodeCatalogue.Kind.TEST, "PSA", "pl")).isEqualTo("Prostate-specific antigen (PSA)");
    }

    @Test
    void brokenFilesAreRefusedAtOnce() {
        List<String> t = List.of("code,display,category,snomed_ct", "A_B,Ab,x,");
        List<String> n = List.of("code,display_es,display_de,display_fr");
        List<String> tests = List.of("code,display,display_es,display_de,display_fr,category,loinc");
        List<String> meds = List.of("atc,display,display_es,display_de,display_fr");
        assertThat(CodeCatalogue.parse(t, n, tests, meds).size(CodeCatalogue.Kind.TREATMENT)).isEqualTo(1);
        assertThatThrownBy(() -> CodeCatalogue.parse(t, n, tests, List.of(meds.get(0), "r06ae07,Cetirizine,,,")))
                .hasMessageContaining("not a code");
        assertThatThrownBy(() -> CodeCatalogue.parse(t, List.of(n.get(0), "NOPE,a,b,c"), tests, meds))
                .hasMessageContaining("NOPE");
        assertThatThrownBy(() -> CodeCatalogue.parse(List.of(t.get(0), "A_B,Ab,x,", "A_B,Ab,x,"), n, tests, meds))
                .hasMessageContaining("twice");
    }
}
