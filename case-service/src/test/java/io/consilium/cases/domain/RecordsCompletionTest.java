package io.consilium.cases.domain;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.ProblemType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Records complete only over a settled checklist, unless the doctor overrides with a reason. */
class RecordsCompletionTest {

    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void settledChecklistCompletesWithoutOverride() {
        RecordsCompletion.Outcome outcome = RecordsCompletion.decide(checklist(1), null);
        assertThat(outcome.overridden()).isFalse();
        assertThat(RecordsCompletion.decide(checklist(1), "just because").overridden())
                .as("nothing open: a reason given anyway is no override").isFalse();
    }

    @Test
    void openItemsRefuseWith409ListingThem() {
        RecordsChecklist open = checklist(2, new RecordsChecklist.OpenItem("IMAGING", "RECEIVED"),
                new RecordsChecklist.OpenItem("LAB_RESULTS", "PENDING"));
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> RecordsCompletion.decide(open, null));
        assertThat(refused.type()).isEqualTo(ProblemType.CONFLICT);
        assertThat(refused.getMessage()).contains("IMAGING, LAB_RESULTS");
        assertThat(refused.extensions()).containsEntry("reason", "CHECKLIST_OPEN")
                .containsEntry("openItems", List.of(Map.of("code", "IMAGING", "state", "RECEIVED"),
                        Map.of("code", "LAB_RESULTS", "state", "PENDING")));
        assertThatThrownBy(() -> RecordsCompletion.decide(open, "   ")).as("a blank reason is none")
                .isInstanceOf(ProblemException.Conflict.class);
    }

    @Test
    void overrideKeepsTheReasonAndWhatWasOpen() {
        RecordsChecklist open = checklist(2, new RecordsChecklist.OpenItem("IMAGING", "PENDING"));
        RecordsCompletion.Outcome outcome = RecordsCompletion.decide(open, "  MRI unobtainable; CT reviewed instead ");
        assertThat(outcome.overridden()).isTrue();
        assertThat(outcome.overrideReason()).isEqualTo("MRI unobtainable; CT reviewed instead");
        assertThat(outcome.overriddenItems()).containsExactly("IMAGING");
    }

    @Test
    void checklistNotReportedYetCountsAsOpen() {
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> RecordsCompletion.decide(null, null));
        assertThat(refused.extensions()).containsEntry("reason", "CHECKLIST_UNKNOWN").containsEntry("openItems", List.of());
        RecordsCompletion.Outcome outcome = RecordsCompletion.decide(null, "document-service is down; records checked by phone");
        assertThat(outcome.overridden()).isTrue();
        assertThat(outcome.overriddenItems()).isEmpty();
    }

    @Test
    void onlyANewerRevisionReplacesTheKeptState() {
        RecordsChecklist kept = checklist(5, new RecordsChecklist.OpenItem("IMAGING", "PENDING"));
        assertThat(kept.advance(4, true, List.of(), List.of(), T, T)).as("an older, replayed state").isFalse();
        assertThat(kept.advance(5, true, List.of(), List.of(), T, T)).as("the same revision again").isFalse();
        assertThat(kept.openItems).hasSize(1);
        assertThat(kept.advance(6, true, List.of(), List.of("IMAGING"), T, T)).isTrue();
        assertThat(kept.openItems).isEmpty();
        assertThat(kept.waived).containsExactly("IMAGING");
    }

    @Test
    void completionIsRefusedOutsideCollectingRecordsBeforeTheChecklistIsLookedAt() {
        SmoCase c = new SmoCase();
        c.state = CaseState.READY_FOR_REVIEW;
        assertThatThrownBy(() -> c.completeRecords(null, null, T)).isInstanceOf(ProblemException.Conflict.class)
                .hasMessageContaining("READY_FOR_REVIEW");
        c.state = CaseState.COLLECTING_RECORDS;
        RecordsCompletion.Outcome outcome = c.completeRecords(checklist(1, new RecordsChecklist.OpenItem("ECG", "PENDING")),
                "ECG not needed", T);
        assertThat(c.state).isEqualTo(CaseState.READY_FOR_REVIEW);
        assertThat(c.recordsOverrideReason).isEqualTo("ECG not needed");
        assertThat(c.recordsOverriddenItems).containsExactly("ECG");
        assertThat(outcome.overridden()).isTrue();
    }

    private static RecordsChecklist checklist(long revision, RecordsChecklist.OpenItem... open) {
        RecordsChecklist c = new RecordsChecklist();
        c.caseId = UUID.randomUUID();
        c.tenant = "t";
        c.advance(revision, open.length == 0, List.of(open), List.of(), T, T);
        return c;
    }
}
