package io.consilium.cases.domain;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;

import java.time.LocalDate;
import java.util.List;

/**
 * Whether a member may have this opinion: in the roster and covered today, by an active plan that covers the
 * specialty, with opinions left this year. Plain rules, unit tested without a database.
 */
public final class Eligibility {

    /** The reason codes of {@code consilium.case.rejected.v1}. */
    public enum Reason { NO_PLAN, NOT_IN_ROSTER, SPECIALTY_NOT_COVERED, QUOTA_USED }

    public record Refusal(Reason reason, String detail) {
    }

    /** Either a plan (eligible) or a refusal. */
    public record Decision(Plan plan, Refusal refusal) {
        public boolean eligible() {
            return refusal == null;
        }
    }

    private Eligibility() {
    }

    /**
     * @param member            the roster line, or null when the member is not in the roster
     * @param plan              the member's plan, or null when it does not exist
     * @param opinionsThisYear  opinions already asked by this member this calendar year (rejected and cancelled
     *                          cases do not count)
     */
    public static Decision check(RosterMember member, Plan plan, String specialty, long opinionsThisYear,
                                 LocalDate today) {
        if (member == null) {
            return refuse(Reason.NOT_IN_ROSTER, "The member is not in the insurer's roster");
        }
        if (!member.coveredOn(today)) {
            return refuse(Reason.NOT_IN_ROSTER, "The member's coverage is not valid on " + today);
        }
        if (plan == null || !plan.active) {
            return refuse(Reason.NO_PLAN, "The member's plan does not exist or is not active");
        }
        if (!plan.covers(specialty)) {
            return refuse(Reason.SPECIALTY_NOT_COVERED,
                    "The plan '" + plan.name + "' does not cover the specialty " + specialty);
        }
        if (opinionsThisYear >= plan.opinionsPerMemberPerYear) {
            return refuse(Reason.QUOTA_USED, "The plan allows " + plan.opinionsPerMemberPerYear
                    + " opinion(s) per member per year and " + opinionsThisYear + " were used in " + today.getYear());
        }
        return new Decision(plan, null);
    }

    /**
     * The 422 a case opening gets: the reason code as the problem's {@code reason} member (the same codes as
     * {@code consilium.case.rejected.v1}), the detail says why in words.
     */
    public static ProblemException refusedAtOpening(Refusal refusal) {
        return new ProblemException.Unprocessable(refusal.detail(),
                List.of(new Violation("memberId", "is not eligible: " + refusal.reason())))
                .with("reason", refusal.reason().name());
    }

    private static Decision refuse(Reason reason, String detail) {
        return new Decision(null, new Refusal(reason, detail));
    }
}
