package io.consilium.specialist.domain;

import io.consilium.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvitationStateTest {

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    private static Invitation pending() {
        Candidate c = new Candidate(UUID.randomUUID(), "s-1", "urology", List.of(), List.of(), List.of("en"),
                List.of("DE"), "DE", "X", 5, 0, List.of(), null, true);
        return Invitation.issue(UUID.randomUUID(), new Seat(1, "urology", null), c, 50.0, NOW, Duration.ofHours(48), Duration.ofHours(12), 168);
    }

    @Test
    void answeredInvitationsCannotBeAnsweredAgain() {
        Invitation declined = pending();
        declined.decline("busy", NOW);
        assertThatThrownBy(() -> declined.accept(NOW)).isInstanceOf(ProblemException.Conflict.class);
        Invitation accepted = pending();
        accepted.accept(NOW);
        assertThatThrownBy(() -> accepted.decline("changed my mind", NOW)).isInstanceOf(ProblemException.Conflict.class);
        assertThat(accepted.state).isEqualTo(InvitationState.ACCEPTED);
    }

    @Test
    void acceptingAfterTheDeadlineIsRefused() {
        Invitation late = pending();
        assertThatThrownBy(() -> late.accept(NOW.plus(Duration.ofHours(48)))).isInstanceOf(ProblemException.Conflict.class);
        assertThat(late.state).isEqualTo(InvitationState.INVITED);
    }

    @Test
    void theDeadlinesFollowThePlansHoursAndTheReportIsDueFromAcceptance() {
        Candidate c = new Candidate(UUID.randomUUID(), "s-1", "urology", List.of(), List.of(), List.of("en"),
                List.of("DE"), "DE", "X", 5, 0, List.of(), null, true);
        Invitation urgent = Invitation.issue(UUID.randomUUID(), new Seat(2, "urology", "C61"), c, 50.0, NOW,
                Duration.ofHours(24), Duration.ofHours(12), 72);
        assertThat(urgent.deadline).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(urgent.seat).isEqualTo(2);
        assertThat(urgent.seatFocus).isEqualTo("C61");
        assertThat(urgent.reportDueBy).as("not before accepting").isNull();
        urgent.accept(NOW.plus(Duration.ofHours(3)));
        assertThat(urgent.reportDueBy).isEqualTo(NOW.plus(Duration.ofHours(75)));
    }

    @Test
    void aReminderIsDueOnceBeforeTheDeadlineAndNeverBeforeHalfTheWindow() {
        Invitation i = pending(); // 48 h window, reminded 12 h before
        assertThat(i.remindAt).isEqualTo(NOW.plus(Duration.ofHours(36)));
        assertThat(i.isReminderDue(NOW.plus(Duration.ofHours(35)))).isFalse();
        assertThat(i.isReminderDue(NOW.plus(Duration.ofHours(36)))).isTrue();
        i.reminded(NOW.plus(Duration.ofHours(36)));
        assertThat(i.isReminderDue(NOW.plus(Duration.ofHours(40)))).as("once per invitation").isFalse();
        assertThatThrownBy(() -> i.reminded(NOW.plus(Duration.ofHours(40)))).isInstanceOf(ProblemException.Conflict.class);

        Candidate c = new Candidate(UUID.randomUUID(), "s-2", "urology", List.of(), List.of(), List.of("en"),
                List.of("DE"), "DE", "X", 5, 0, List.of(), null, true);
        Invitation shortWindow = Invitation.issue(UUID.randomUUID(), new Seat(1, "urology", null), c, 50.0, NOW,
                Duration.ofHours(8), Duration.ofHours(12), 72);
        assertThat(shortWindow.remindAt).isEqualTo(NOW.plus(Duration.ofHours(4)));

        Invitation answered = pending();
        answered.accept(NOW.plus(Duration.ofHours(1)));
        assertThat(answered.isReminderDue(NOW.plus(Duration.ofHours(40)))).as("answered: no reminder").isFalse();
    }

    @Test
    void onlyPendingInvitationsPastTheDeadlineExpire() {
        Invitation i = pending();
        assertThat(i.isDue(NOW.plus(Duration.ofHours(47)))).isFalse();
        assertThatThrownBy(() -> i.expire(NOW.plus(Duration.ofHours(47)))).isInstanceOf(ProblemException.Conflict.class);
        i.expire(NOW.plus(Duration.ofHours(48)));
        assertThat(i.state).isEqualTo(InvitationState.EXPIRED);
        assertThat(i.isDue(NOW.plus(Duration.ofDays(9)))).isFalse();
    }

    @Test
    void aReportCountsOnceFromAcceptanceAndFoldsIntoTheRunningMean() {
        Invitation i = pending();
        assertThat(i.reportSubmitted(NOW.plus(Duration.ofDays(2)))).as("not accepted").isEmpty();
        i.accept(NOW);
        assertThat(i.reportSubmitted(NOW.plus(Duration.ofHours(36))).getAsDouble()).isEqualTo(1.5);
        assertThat(i.reportSubmitted(NOW.plus(Duration.ofDays(9)))).as("counted once").isEmpty();

        Specialist s = new Specialist();
        s.recordTurnaround(6);
        assertThat(s.turnaroundDays).isEqualTo(6.0);
        s.recordTurnaround(3);
        assertThat(s.turnaroundDays).isEqualTo(4.5);
        s.turnaroundDays = 10.0;
        s.turnaroundReports = 0;
        s.recordTurnaround(2);
        assertThat(s.turnaroundDays).as("ops' estimate weighs as one report").isEqualTo(6.0);
        assertThat(s.turnaroundReports).isEqualTo(1);
    }

    @Test
    void onlyAcceptedSeatsAreReleased() {
        Invitation i = pending();
        assertThatThrownBy(() -> i.release(NOW)).isInstanceOf(ProblemException.Conflict.class);
        i.accept(NOW);
        i.release(NOW);
        assertThat(i.state).isEqualTo(InvitationState.RELEASED);
    }
}
