package io.consilium.cases.domain;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * How long an invited specialist has to accept, and then to write the report, for one urgency of a plan.
 * specialist-service shows both on the invitation and expires it at the first.
 */
public record ReviewDeadlines(int acceptWithinHours, int reportWithinHours) {

    public static final ReviewDeadlines URGENT_DEFAULT = new ReviewDeadlines(24, 72);
    public static final ReviewDeadlines ROUTINE_DEFAULT = new ReviewDeadlines(48, 168);

    /** An urgent case must never wait longer than a routine one: a slower urgent lane is refused (422). */
    public static void checkLanes(ReviewDeadlines urgent, ReviewDeadlines routine) {
        List<Violation> slower = new ArrayList<>();
        if (urgent.acceptWithinHours() > routine.acceptWithinHours()) {
            slower.add(new Violation("deadlines.urgent.acceptWithinHours", "must not exceed the routine "
                    + routine.acceptWithinHours() + " h"));
        }
        if (urgent.reportWithinHours() > routine.reportWithinHours()) {
            slower.add(new Violation("deadlines.urgent.reportWithinHours", "must not exceed the routine "
                    + routine.reportWithinHours() + " h"));
        }
        if (!slower.isEmpty()) {
            throw new ProblemException.Unprocessable("The plan's urgent deadlines are slower than its routine ones",
                    slower);
        }
    }
}
