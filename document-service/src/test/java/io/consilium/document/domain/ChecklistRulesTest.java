package io.consilium.document.domain;

import io.consilium.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChecklistRulesTest {

    @Test
    void templatesBySpecialtyWithDefault() {
        assertThat(ChecklistTemplates.forSpecialty("oncology")).extracting(ChecklistTemplates.Template::code)
                .containsExactly("PATHOLOGY_REPORT", "IMAGING", "TREATMENT_HISTORY");
        assertThat(ChecklistTemplates.forSpecialty("Oncology ")).hasSize(3);
        assertThat(ChecklistTemplates.forSpecialty("dermatology")).isEqualTo(ChecklistTemplates.DEFAULT);
        assertThat(ChecklistTemplates.forSpecialty(null)).isEqualTo(ChecklistTemplates.DEFAULT);
    }

    @Test
    void onlyReceivedItemsCanBeReviewedAndAcceptedOnesNotReplaced() {
        ChecklistItem item = ChecklistItem.pending(UUID.randomUUID(), "LAB", "Lab", true, ChecklistItem.Source.SPECIALTY,
                Instant.now());
        assertThatThrownBy(() -> item.accept(Instant.now())).isInstanceOf(ProblemException.Conflict.class);
        item.receive(UUID.randomUUID(), Instant.now());
        item.reject("illegible", Instant.now());
        assertThat(item.state).isEqualTo(ItemState.REJECTED);
        assertThat(item.reason).isEqualTo("illegible");
        item.receive(UUID.randomUUID(), Instant.now());
        assertThat(item.reason).isNull();
        item.accept(Instant.now());
        assertThatThrownBy(() -> item.receive(UUID.randomUUID(), Instant.now())).isInstanceOf(ProblemException.Conflict.class);
    }

    @Test
    void completeWhenEveryRequiredItemIsAccepted() {
        ChecklistItem required = ChecklistItem.pending(UUID.randomUUID(), "A", "A", true, ChecklistItem.Source.SPECIALTY,
                Instant.now());
        ChecklistItem optional = ChecklistItem.pending(UUID.randomUUID(), "B", "B", false, ChecklistItem.Source.REQUEST,
                Instant.now());
        assertThat(ChecklistItem.complete(List.of(required, optional))).isFalse();
        required.state = ItemState.ACCEPTED;
        assertThat(ChecklistItem.complete(List.of(required, optional))).isTrue();
        assertThat(ChecklistItem.complete(List.of(optional))).as("nothing required yet").isFalse();
    }
}
