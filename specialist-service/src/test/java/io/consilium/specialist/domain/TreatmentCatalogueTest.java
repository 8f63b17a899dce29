package io.consilium.specialist.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared treatment catalogue parses, stays unique, and answers codes and free text. */
class TreatmentCatalogueTest {

    private static TreatmentCatalogue repositoryCatalogue() throws IOException {
        return TreatmentCatalogue.parse(Files.readAllLines(Path.of("../catalogues/treatments.csv")));
    }

    @Test
    void theRepositoryFileHoldsTheCommonSecondOpinionTreatments() throws IOException {
        TreatmentCatalogue catalogue = repositoryCatalogue();
        assertThat(catalogue.size()).isBetween(30, 60);
        for (String code : List.of("PLAQUE_BRACHYTHERAPY", "PROTON_THERAPY", "ENUCLEATION", "CHEMOTHERAPY",
                "IMMUNOTHERAPY", "ALLERGEN_IMMUNOTHERAPY", "PATCH_TESTING", "BIOLOGIC_THERAPY", "RADICAL_PROSTATECTOMY")) {
            assertThat(catalogue.knows(code)).as(code).isTrue();
        }
        assertThat(catalogue.find("CHEMOTHERAPY").orElseThrow().snomedCt()).isEqualTo("367336001");
    }

    @Test
    void freeTextFindsCodesByDisplayName() throws IOException {
        TreatmentCatalogue catalogue = repositoryCatalogue();
        assertThat(catalogue.codesMatching("proton")).containsExactly("PROTON_THERAPY");
        assertThat(catalogue.codesMatching("Brachytherapy")).containsExactlyInAnyOrder("BRACHYTHERAPY", "PLAQUE_BRACHYTHERAPY");
        assertThat(catalogue.codesMatching("  ")).isEmpty();
        assertThat(catalogue.knows("LAB_RESULT")).isFalse();
    }

    @Test
    void aCodeLooksLikeACodeAndEverythingElseIsText() {
        assertThat(TreatmentCatalogue.looksLikeCode("PROTON_THERAPY")).isTrue();
        assertThat(TreatmentCatalogue.looksLikeCode("proton therapy")).isFalse();
        assertThat(TreatmentCatalogue.looksLikeCode("Proton")).isFalse();
    }

    @Test
    void aBrokenFileIsRefusedRatherThanHalfRead() {
        assertThatThrownBy(() -> TreatmentCatalogue.parse(List.of("code,name")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TreatmentCatalogue.parse(List.of("code,display,category,snomed_ct",
                "CHEMOTHERAPY,Chemotherapy,systemic,367336001", "CHEMOTHERAPY,Again,systemic,")))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> TreatmentCatalogue.parse(List.of("code,display,category,snomed_ct",
                "chemo,Chemotherapy,systemic,")))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> TreatmentCatalogue.parse(List.of("code,display,category,snomed_ct",
                "CHEMOTHERAPY,Chemotherapy,systemic,not-an-id")))
                .hasMessageContaining("line 2");
    }

    @Test
    void distancesAreGreatCircleKilometres() {
        // Madrid (Puerta del Sol) to Barcelona (Plaça de Catalunya): about 505 km
        assertThat(Distance.km(40.4168, -3.7038, 41.3874, 2.1686)).isBetween(500.0, 510.0);
        assertThat(Distance.km(40.4168, -3.7038, 40.4168, -3.7038)).isZero();
    }
}
