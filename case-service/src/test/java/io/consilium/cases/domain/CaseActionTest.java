package io.consilium.cases.domain;

import io.consilium.cases.domain.CaseAction.Actor;
import io.consilium.cases.security.CaseAccess;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Caller;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The role × state table: every action in every state, and every kind of caller against every action. */
class CaseActionTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void everyActionFollowsTheLifecycleGraph() {
        for (CaseAction action : CaseAction.values()) {
            for (CaseState from : action.from()) {
                CaseState to = action.target(from);
                assertThat(to == from || from.mayMoveTo(to)).as(action + " from " + from + " to " + to).isTrue();
            }
        }
    }

    @Test
    void everyActionIsAllowedInItsStatesAndRefusedWithConflictElsewhereLeavingTheCaseUnchanged() {
        for (CaseAction action : CaseAction.values()) {
            for (CaseState state : CaseState.values()) {
                SmoCase c = caseIn(state);
                if (action.allowedIn(state)) {
                    assertThatCode(() -> c.apply(action, NOW)).as(action + " in " + state).doesNotThrowAnyException();
                    assertThat(c.state).isEqualTo(action.target(state));
                } else {
                    assertThatThrownBy(() -> c.apply(action, NOW)).as(action + " in " + state)
                            .isInstanceOf(ProblemException.Conflict.class);
                    assertThat(c.state).as("unchanged after refused " + action).isEqualTo(state);
                    assertThat(c.updatedAt).isNull();
                }
            }
        }
    }

    @Test
    void cancellingIsPossibleOnlyBeforeReview() {
        assertThat(CaseAction.CANCEL.from()).containsExactlyInAnyOrder(CaseState.DRAFT, CaseState.SUBMITTED,
                CaseState.MANAGER_ASSIGNED, CaseState.COLLECTING_RECORDS, CaseState.READY_FOR_REVIEW);
    }

    @Test
    void callersMayTriggerExactlyTheActionsOfTheirPart() {
        SmoCase c = caseIn(CaseState.COLLECTING_RECORDS);
        Map<Caller, Set<Actor>> parts = Map.of(
                caller("alice", "patient", "acme"), EnumSet.of(Actor.PATIENT),
                caller("bob", "patient", "acme"), EnumSet.noneOf(Actor.class),
                caller("svc-acme", "partner", "acme"), EnumSet.of(Actor.PARTNER),
                caller("svc-globex", "partner", "globex"), EnumSet.noneOf(Actor.class),
                caller("dr-carla", "case-manager", "acme"), EnumSet.of(Actor.MANAGER),
                caller("dr-other", "case-manager", "acme"), EnumSet.noneOf(Actor.class),
                caller("olivia", "ops", null), EnumSet.of(Actor.OPS),
                caller("prof-eva", "specialist", null), EnumSet.noneOf(Actor.class));
        parts.forEach((caller, actors) -> {
            assertThat(CaseAccess.actorsOf(caller, c)).as(caller.subject()).isEqualTo(actors);
            for (CaseAction action : CaseAction.values()) {
                boolean expected = actors.stream().anyMatch(action::mayBeTriggeredBy);
                assertThat(CaseAccess.mayPerform(caller, c, action)).as(caller.subject() + " " + action)
                        .isEqualTo(expected);
            }
        });
    }

    @Test
    void systemOnlyActionsCannotBeTriggeredByAnyCaller() {
        List<CaseAction> systemOnly = List.of(CaseAction.REJECT, CaseAction.START_REVIEW, CaseAction.MARK_REPORT_READY,
                CaseAction.DELIVER_REPORT, CaseAction.REOPEN_REVIEW);
        SmoCase c = caseIn(CaseState.IN_REVIEW);
        Caller everything = new Caller("alice", Set.of("patient", "partner", "case-manager", "ops"), Optional.of("acme"));
        systemOnly.forEach(action -> assertThat(CaseAccess.mayPerform(everything, c, action)).as(action.name()).isFalse());
    }

    @Test
    void reviewCanBeRequestedOnceUnlessNoCandidateWasFound() {
        SmoCase c = caseIn(CaseState.READY_FOR_REVIEW);
        PanelCountries any = new PanelCountries(List.of(), List.of(), 0);
        ReviewSeat urology = new ReviewSeat("urology", null);
        c.requestReview(List.of(urology, urology), null, any, NOW);
        assertThatThrownBy(() -> c.requestReview(List.of(urology), null, any, NOW)).isInstanceOf(ProblemException.Conflict.class);
        c.reviewFoundNoCandidate(NOW);
        assertThatCode(() -> c.requestReview(List.of(urology, new ReviewSeat("oncology", "C61"), urology), null, any, NOW))
                .doesNotThrowAnyException();
        assertThat(c.panelSize).isEqualTo(3);
        assertThat(c.reviewSpecialty).as("the first seat's, for single-specialty readers").isEqualTo("urology");
        assertThat(c.reviewSeats).extracting(ReviewSeat::specialty).containsExactly("urology", "oncology", "urology");
    }

    @Test
    void aReopenedReportTakesAReadyCaseBackToReviewWhereQuestionsMayChangeAgain() {
        SmoCase c = caseIn(CaseState.REPORT_READY);
        c.reportReadyAt = NOW;
        assertThatThrownBy(() -> c.check(CaseAction.EDIT_QUESTIONS)).isInstanceOf(ProblemException.Conflict.class);
        c.reopenReview(NOW);
        assertThat(c.state).isEqualTo(CaseState.IN_REVIEW);
        assertThat(c.reportReadyAt).isNull();
        assertThatCode(() -> c.check(CaseAction.EDIT_QUESTIONS)).doesNotThrowAnyException();
        assertThatThrownBy(() -> c.reopenReview(NOW)).as("only a ready case goes back")
                .isInstanceOf(ProblemException.Conflict.class);
    }

    @Test
    void deliveringFromReviewPassesThroughReportReady() {
        SmoCase c = caseIn(CaseState.IN_REVIEW);
        c.deliverReport(NOW);
        assertThat(c.state).isEqualTo(CaseState.REPORT_DELIVERED);
        assertThat(c.reportReadyAt).isEqualTo(NOW);
        assertThat(c.reportDeliveredAt).isEqualTo(NOW);
    }

    @Test
    void reassigningToTheSameDoctorIsAConflict() {
        SmoCase c = caseIn(CaseState.COLLECTING_RECORDS);
        assertThatThrownBy(() -> c.reassignManager("dr-carla", NOW)).isInstanceOf(ProblemException.Conflict.class);
        assertThat(c.reassignManager("dr-david", NOW)).isEqualTo("dr-carla");
    }

    private static SmoCase caseIn(CaseState state) {
        SmoCase c = new SmoCase();
        c.state = state;
        c.tenant = "acme";
        c.patientId = "alice";
        c.managerId = "dr-carla";
        return c;
    }

    private static Caller caller(String subject, String role, String tenant) {
        return new Caller(subject, Set.of(role), Optional.ofNullable(tenant));
    }
}
