package io.consilium.report.domain;

import io.consilium.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReleaseRuleTest {

    @Test
    void approvedReportsFillingThePanelAreReleasable() {
        assertThatCode(() -> ReleaseRule.requireReleasable(List.of(report(ReportState.APPROVED), report(ReportState.APPROVED)), 2))
                .doesNotThrowAnyException();
        assertThatCode(() -> ReleaseRule.requireReleasable(List.of(report(ReportState.APPROVED)), null))
                .doesNotThrowAnyException();
    }

    @Test
    void nothingToReleaseAnUnapprovedReportOrAnEmptySeatIsAConflict() {
        assertThatThrownBy(() -> ReleaseRule.requireReleasable(List.of(), 1))
                .isInstanceOf(ProblemException.Conflict.class).hasMessageContaining("no reports");
        assertThatThrownBy(() -> ReleaseRule.requireReleasable(List.of(report(ReportState.APPROVED), report(ReportState.SUBMITTED)), 2))
                .isInstanceOf(ProblemException.Conflict.class).hasMessageContaining("1 report(s)");
        assertThatThrownBy(() -> ReleaseRule.requireReleasable(List.of(report(ReportState.APPROVED)), 3))
                .isInstanceOf(ProblemException.Conflict.class).hasMessageContaining("3 seats");
    }

    private static Report report(ReportState state) {
        Report r = new Report();
        r.state = state;
        return r;
    }
}
