package io.consilium.report.domain;

import io.consilium.platform.problem.ProblemException;

import java.util.List;

/**
 * When a case's reports may be released together: there are reports, every one is approved, and the panel's seats
 * are all filled (a panel of three is not released with two opinions).
 */
public final class ReleaseRule {

    private ReleaseRule() {
    }

    /** Refuses with 409 and the reason when the reports cannot be released now. */
    public static void requireReleasable(List<Report> reports, Integer panelSize) {
        if (reports.isEmpty()) {
            throw new ProblemException.Conflict("The case has no reports to release");
        }
        long notApproved = reports.stream().filter(r -> r.state != ReportState.APPROVED).count();
        if (notApproved > 0) {
            throw new ProblemException.Conflict(notApproved + " report(s) of the case are not approved");
        }
        if (panelSize != null && reports.size() < panelSize) {
            throw new ProblemException.Conflict("The panel has " + panelSize + " seats but only " + reports.size()
                    + " report(s)");
        }
    }
}
