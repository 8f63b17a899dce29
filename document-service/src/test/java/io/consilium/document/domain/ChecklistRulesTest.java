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

    @Test
    void twinCodesBecomeOneVocabularyCode() {
        assertThat(RecordKinds.normalise("LAB_RESULT")).isEqualTo("LAB_RESULTS");
        assertThat(RecordKinds.normalise("lab-results")).isEqualTo("LAB_RESULTS");
        assertThat(RecordKinds.normalise("LABS")).isEqualTo("LAB_RESULTS");
        assertThat(RecordKinds.normalise("MEDICAL_REPORTS")).isEqualTo("MEDICAL_REPORT");
        assertThat(RecordKinds.normalise("IMAGING_STUDIES")).isEqualTo("IMAGING");
        assertThat(RecordKinds.normalise("HISTOLOGY_REPORT")).isEqualTo("PATHOLOGY_REPORT");
        assertThat(RecordKinds.normalise("PHOTOS")).isEqualTo("PHOTO");
        assertThat(RecordKinds.normalise("GENETIC_TEST")).as("the doctor's own code stays").isEqualTo("GENETIC_TEST");
        // every template speaks the vocabulary, so a request can always meet its item
        for (String specialty : List.of("oncology", "urology", "cardiology", "orthopedics", "neurology", "other")) {
            assertThat(ChecklistTemplates.forSpecialty(specialty)).extracting(ChecklistTemplates.Template::code)
                    .allSatisfy(code -> assertThat(RecordKinds.CODES).contains(code));
        }
    }

    @Test
    void askedAgainKeepsWhoAskedAndMayMakeTheItemRequired() {
        ChecklistItem item = ChecklistItem.pending(UUID.randomUUID(), "LAB_RESULTS", "Labs", false,
                ChecklistItem.Source.SPECIALTY, Instant.now());
        assertThat(item.askedAgain(ChecklistItem.Source.REQUEST, "dr-carla", true, Instant.now()))
                .as("an optional item made required is newly open").isTrue();
        assertThat(item.sources).containsExactly("SPECIALTY", "REQUEST");
        assertThat(item.requestedBy).isEqualTo("dr-carla");
        assertThat(item.required).isTrue();
        assertThat(item.askedAgain(ChecklistItem.Source.REQUEST, "dr-other", false, Instant.now()))
                .as("asked again, optional: nothing reopens, nothing becomes optional").isFalse();
        assertThat(item.sources).containsExactly("SPECIALTY", "REQUEST");
        assertThat(item.requestedBy).as("the first doctor who asked").isEqualTo("dr-carla");
        assertThat(item.required).isTrue();
    }

    @Test
    void waivingNeedsAnOpenItemAndSettlesIt() {
        ChecklistItem item = ChecklistItem.pending(UUID.randomUUID(), "ECG", "ECG", true, ChecklistItem.Source.SPECIALTY,
                Instant.now());
        ChecklistItem other = ChecklistItem.pending(UUID.randomUUID(), "IMAGING", "Imaging", true,
                ChecklistItem.Source.SPECIALTY, Instant.now());
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        item.waive("no ECG was done; not needed for this question", "dr-carla", at);
        assertThat(item.state).isEqualTo(ItemState.WAIVED);
        assertThat(item.reason).isEqualTo("no ECG was done; not needed for this question");
        assertThat(item.waivedBy).isEqualTo("dr-carla");
        assertThat(item.waivedAt).isEqualTo(at);
        assertThat(item.open()).isFalse();
        assertThatThrownBy(() -> item.waive("again", "dr-carla", at)).isInstanceOf(ProblemException.Conflict.class);

        assertThat(ChecklistItem.openOf(List.of(item, other))).containsExactly(other);
        assertThat(ChecklistItem.complete(List.of(item, other))).isFalse();
        other.receive(UUID.randomUUID(), at);
        other.accept(at);
        assertThat(ChecklistItem.complete(List.of(item, other))).as("accepted and waived").isTrue();
        assertThat(ChecklistItem.complete(List.of(item))).as("waivers alone are no records").isFalse();
        assertThatThrownBy(() -> other.waive("x", "dr-carla", at)).as("an accepted item is there")
                .isInstanceOf(ProblemException.Conflict.class);

        // asked for again as required, the waiver is withdrawn and the item is open again
        assertThat(item.askedAgain(ChecklistItem.Source.REQUEST, "dr-carla", true, at)).isTrue();
        assertThat(item.state).isEqualTo(ItemState.PENDING);
        assertThat(item.waivedBy).isNull();
        assertThat(item.reason).isNull();
    }

    @Test
    void specimenGoesToItsDestinationAndBack() {
        Specimen s = Specimen.request(UUID.randomUUID(), "t", "block A2", "dr-carla", Instant.now());
        assertThatThrownBy(() -> s.ship("DHL", "JD1", Instant.now()))
                .as("no destination yet").isInstanceOf(ProblemException.Unprocessable.class);
        s.sendTo("Wills Eye Hospital", "Dr. Shields");
        s.ship("DHL", "JD1", Instant.now());
        assertThatThrownBy(() -> s.sendTo("Elsewhere", "Someone")).isInstanceOf(ProblemException.Conflict.class);
        assertThatThrownBy(() -> s.shipBack("DHL", "JD2", Instant.now())).as("not received yet")
                .isInstanceOf(ProblemException.Conflict.class);
        s.receive("s-lab", Instant.now());
        s.shipBack("DHL", "JD2", Instant.now());
        assertThat(s.state).isEqualTo(Specimen.State.RETURN_SHIPPED);
        assertThat(s.returnTrackingId).isEqualTo("JD2");
        s.giveBack(Instant.now());
        assertThat(s.state).isEqualTo(Specimen.State.RETURNED);
        assertThatThrownBy(() -> s.giveBack(Instant.now())).isInstanceOf(ProblemException.Conflict.class);

        Specimen byHand = Specimen.request(UUID.randomUUID(), "t", "slides", "dr-carla", Instant.now());
        byHand.sendTo("Lab", "Dr. X");
        byHand.ship("Courier", "C1", Instant.now());
        byHand.receive("s-lab", Instant.now());
        byHand.giveBack(Instant.now());
        assertThat(byHand.state).as("collected by hand").isEqualTo(Specimen.State.RETURNED);
    }
}
