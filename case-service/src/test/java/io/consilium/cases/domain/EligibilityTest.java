package io.consilium.cases.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EligibilityTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void coveredMemberWithOpinionsLeftIsEligible() {
        Eligibility.Decision d = Eligibility.check(member(null), plan(true), "urology", 1, TODAY);
        assertThat(d.eligible()).isTrue();
        assertThat(d.plan().name).isEqualTo("Gold");
    }

    @Test
    void memberMissingFromTheRosterIsRefused() {
        assertThat(Eligibility.check(null, plan(true), "urology", 0, TODAY).refusal().reason())
                .isEqualTo(Eligibility.Reason.NOT_IN_ROSTER);
    }

    @Test
    void expiredOrFutureCoverageIsRefused() {
        assertThat(Eligibility.check(member(TODAY.minusDays(1)), plan(true), "urology", 0, TODAY).refusal().reason())
                .isEqualTo(Eligibility.Reason.NOT_IN_ROSTER);
        RosterMember future = member(null);
        future.validFrom = TODAY.plusDays(1);
        assertThat(Eligibility.check(future, plan(true), "urology", 0, TODAY).eligible()).isFalse();
        assertThat(Eligibility.check(member(TODAY), plan(true), "urology", 0, TODAY).eligible())
                .as("the last covered day counts").isTrue();
    }

    @Test
    void refusalAtOpeningIsA422CarryingTheReasonCode() {
        Eligibility.Refusal refusal = Eligibility.check(member(null), plan(true), "cardiology", 0, TODAY).refusal();
        io.consilium.platform.problem.ProblemException problem = Eligibility.refusedAtOpening(refusal);
        assertThat(problem.type()).isEqualTo(io.consilium.platform.problem.ProblemType.UNPROCESSABLE);
        assertThat(problem.extensions()).containsEntry("reason", "SPECIALTY_NOT_COVERED");
        assertThat(problem.getMessage()).contains("cardiology");
        assertThat(problem.violations()).extracting(io.consilium.platform.problem.Violation::field).containsExactly("memberId");
    }

    @Test
    void inactiveOrMissingPlanIsRefused() {
        assertThat(Eligibility.check(member(null), plan(false), "urology", 0, TODAY).refusal().reason())
                .isEqualTo(Eligibility.Reason.NO_PLAN);
        assertThat(Eligibility.check(member(null), null, "urology", 0, TODAY).refusal().reason())
                .isEqualTo(Eligibility.Reason.NO_PLAN);
    }

    @Test
    void specialtyOutsideThePlanIsRefused() {
        Eligibility.Decision d = Eligibility.check(member(null), plan(true), "cardiology", 0, TODAY);
        assertThat(d.refusal().reason()).isEqualTo(Eligibility.Reason.SPECIALTY_NOT_COVERED);
        assertThat(d.refusal().detail()).contains("cardiology");
    }

    @Test
    void usedUpQuotaIsRefused() {
        Eligibility.Decision d = Eligibility.check(member(null), plan(true), "urology", 2, TODAY);
        assertThat(d.refusal().reason()).isEqualTo(Eligibility.Reason.QUOTA_USED);
        assertThat(d.refusal().detail()).contains("2 opinion(s)");
    }

    private static RosterMember member(LocalDate validTo) {
        RosterMember m = new RosterMember();
        m.tenant = "acme";
        m.memberId = "M-1";
        m.planId = UUID.randomUUID();
        m.validFrom = LocalDate.of(2020, 1, 1);
        m.validTo = validTo;
        return m;
    }

    private static Plan plan(boolean active) {
        Plan p = new Plan();
        p.name = "Gold";
        p.active = active;
        p.coveredSpecialties = List.of("urology", "oncology");
        p.opinionsPerMemberPerYear = 2;
        return p;
    }
}
