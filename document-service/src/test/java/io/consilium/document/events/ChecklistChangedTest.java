package io.consilium.document.events;

import io.consilium.document.domain.ChecklistItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The items of {@code checklist-changed} as the specialists' brief reads them (issue 12). */
class ChecklistChangedTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void eachItemSaysItsKindAndWhetherItIsRequestedReceivedOrWaived() {
        UUID caseId = UUID.randomUUID();
        ChecklistItem labs = ChecklistItem.pending(caseId, "LAB_RESULTS", "IgE panels", true,
                ChecklistItem.Source.SPECIALTY, NOW);
        assertThat(ChecklistChanged.Item.of(labs)).satisfies(i -> {
            assertThat(i.itemId()).isEqualTo(labs.id);
            assertThat(i.kind()).isEqualTo("RECORD");
            assertThat(i.label()).isEqualTo("IgE panels");
            assertThat(i.sources()).containsExactly("SPECIALTY");
            assertThat(i.state()).isEqualTo("PENDING");
            assertThat(i.status()).isEqualTo("REQUESTED");
        });
        labs.receive(UUID.randomUUID(), NOW);
        assertThat(ChecklistChanged.Item.of(labs).status()).isEqualTo("RECEIVED");
        labs.reject("blurred", NOW);
        assertThat(ChecklistChanged.Item.of(labs).status()).as("a rejected record is asked for again").isEqualTo("REQUESTED");
        labs.waive("not needed", "dr-1", NOW);
        assertThat(ChecklistChanged.Item.of(labs).status()).isEqualTo("WAIVED");
        assertThat(ChecklistChanged.Item.of(labs).toString()).doesNotContain("not needed", "dr-1");

        ChecklistItem specimen = ChecklistItem.pending(caseId, "SPECIMEN_1", "Specimen: biopsy block", true,
                ChecklistItem.Source.SPECIMEN, NOW);
        specimen.specimenId = UUID.randomUUID();
        specimen.receive(null, NOW);
        specimen.accept(NOW);
        assertThat(ChecklistChanged.Item.of(specimen).kind()).isEqualTo("SPECIMEN");
        assertThat(ChecklistChanged.Item.of(specimen).status()).isEqualTo("RECEIVED");
    }
}
