package io.consilium.cases.domain;

import io.consilium.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseStateTest {

    @Test
    void followsTheLifecycleOfTheDomainBrief() {
        List<CaseState> happyPath = List.of(CaseState.DRAFT, CaseState.SUBMITTED, CaseState.MANAGER_ASSIGNED,
                CaseState.COLLECTING_RECORDS, CaseState.READY_FOR_REVIEW, CaseState.IN_REVIEW, CaseState.REPORT_READY,
                CaseState.REPORT_DELIVERED, CaseState.FOLLOW_UP, CaseState.CLOSED);
        for (int i = 0; i + 1 < happyPath.size(); i++) {
            assertThat(happyPath.get(i).mayMoveTo(happyPath.get(i + 1)))
                    .as(happyPath.get(i) + " -> " + happyPath.get(i + 1)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = {"DRAFT", "SUBMITTED", "MANAGER_ASSIGNED", "COLLECTING_RECORDS",
            "READY_FOR_REVIEW"})
    void mayBeCancelledBeforeReview(CaseState state) {
        assertThat(state.mayMoveTo(CaseState.CANCELLED)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = {"IN_REVIEW", "REPORT_READY", "REPORT_DELIVERED", "FOLLOW_UP",
            "CLOSED", "CANCELLED", "REJECTED"})
    void mayNotBeCancelledOnceInReview(CaseState state) {
        assertThat(state.mayMoveTo(CaseState.CANCELLED)).isFalse();
    }

    @Test
    void onlyASubmittedCaseMayBeRejected() {
        for (CaseState state : CaseState.values()) {
            assertThat(state.mayMoveTo(CaseState.REJECTED)).as(state.name()).isEqualTo(state == CaseState.SUBMITTED);
        }
    }

    @Test
    void terminalStatesLeadNowhere() {
        assertThat(List.of(CaseState.values())).filteredOn(CaseState::isTerminal)
                .containsExactlyInAnyOrder(CaseState.CLOSED, CaseState.CANCELLED, CaseState.REJECTED);
    }

    @Test
    void submittingTwiceIsRefusedAndLeavesTheCaseAsItWas() {
        SmoCase c = new SmoCase();
        c.state = CaseState.DRAFT;
        Instant first = Instant.parse("2026-11-25T10:00:00Z");
        c.submit(first);
        assertThatThrownBy(() -> c.submit(first.plusSeconds(60)))
                .isInstanceOf(ProblemException.Conflict.class)
                .hasMessageContaining("SUBMITTED");
        assertThat(c.submittedAt).isEqualTo(first);
        assertThat(c.updatedAt).isEqualTo(first);
    }
}
