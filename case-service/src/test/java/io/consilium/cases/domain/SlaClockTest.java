package io.consilium.cases.domain;

import io.consilium.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaClockTest {

    /** A Monday. */
    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final Set<LocalDate> NONE = Set.of();

    @Test
    void businessDaysSkipWeekends() {
        assertThat(BusinessDays.add(MONDAY, 5, NONE)).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(BusinessDays.add(Instant.parse("2026-11-27T09:00:00Z"), 1, NONE)).as("Friday + 1")
                .isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(BusinessDays.add(Instant.parse("2026-11-28T09:00:00Z"), 1, NONE)).as("Saturday + 1")
                .isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
    }

    @Test
    void holidaysCountLikeWeekends() {
        Set<LocalDate> christmas = Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25"),
                LocalDate.parse("2026-12-26")); // Thursday, Friday and a Saturday
        Instant monday = Instant.parse("2026-12-21T09:00:00Z");
        assertThat(BusinessDays.add(monday, 3, christmas)).as("Tue, Wed, then Mon 28th")
                .isEqualTo(Instant.parse("2026-12-28T09:00:00Z"));
        assertThat(BusinessDays.add(monday, 3, NONE)).isEqualTo(Instant.parse("2026-12-24T09:00:00Z"));

        SlaClock clock = SlaClock.start(UUID.randomUUID(), SlaClock.Kind.REVIEW, 3, monday, christmas);
        assertThat(clock.dueAt(monday)).isEqualTo(Instant.parse("2026-12-28T09:00:00Z"));
        clock.evaluate(Instant.parse("2026-12-25T09:00:00Z"));
        assertThat(clock.status).as("4 of 7 calendar days used").isEqualTo(SlaClock.Status.ON_TRACK);
        clock.evaluate(Instant.parse("2026-12-28T09:00:01Z"));
        assertThat(clock.status).isEqualTo(SlaClock.Status.BREACHED);
    }

    @Test
    void runningClockGoesAtRiskThenBreached() {
        SlaClock clock = SlaClock.start(UUID.randomUUID(), SlaClock.Kind.RECORDS, 5, MONDAY, NONE);
        assertThat(clock.dueAt(MONDAY)).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(clock.evaluate(MONDAY.plus(Duration.ofDays(2)))).isFalse();
        assertThat(clock.status).isEqualTo(SlaClock.Status.ON_TRACK);
        assertThat(clock.evaluate(MONDAY.plus(Duration.ofDays(6)))).isTrue();
        assertThat(clock.status).isEqualTo(SlaClock.Status.AT_RISK);
        clock.evaluate(MONDAY.plus(Duration.ofDays(7)).plusSeconds(1));
        assertThat(clock.status).isEqualTo(SlaClock.Status.BREACHED);
    }

    @Test
    void waitingOnThePatientMovesTheDueTimeOn() {
        SlaClock clock = SlaClock.start(UUID.randomUUID(), SlaClock.Kind.RECORDS, 5, MONDAY, NONE);
        clock.pause(MONDAY.plus(Duration.ofDays(1)));
        Instant eightDaysLater = MONDAY.plus(Duration.ofDays(8));
        clock.evaluate(eightDaysLater);
        assertThat(clock.status).as("still paused: only one day used").isEqualTo(SlaClock.Status.ON_TRACK);
        clock.resume(MONDAY.plus(Duration.ofDays(4)));
        assertThat(clock.pausedSeconds).isEqualTo(Duration.ofDays(3).toSeconds());
        assertThat(clock.dueAt(eightDaysLater)).isEqualTo(Instant.parse("2026-12-03T09:00:00Z"));
        clock.evaluate(eightDaysLater);
        assertThat(clock.status).as("5 of 7 days used").isEqualTo(SlaClock.Status.ON_TRACK);
        clock.evaluate(MONDAY.plus(Duration.ofDays(9)));
        assertThat(clock.status).as("6 of 7 days used").isEqualTo(SlaClock.Status.AT_RISK);
        clock.evaluate(MONDAY.plus(Duration.ofDays(10)).plusSeconds(1));
        assertThat(clock.status).isEqualTo(SlaClock.Status.BREACHED);
    }

    @Test
    void stoppingRecordsWhetherTheBudgetWasMet() {
        SlaClock met = SlaClock.start(UUID.randomUUID(), SlaClock.Kind.REVIEW, 5, MONDAY, NONE);
        met.stop(MONDAY.plus(Duration.ofDays(3)));
        assertThat(met.status).isEqualTo(SlaClock.Status.MET);
        assertThat(met.evaluate(MONDAY.plus(Duration.ofDays(30)))).as("a stopped clock stays as it ended").isFalse();
        SlaClock late = SlaClock.start(UUID.randomUUID(), SlaClock.Kind.REVIEW, 5, MONDAY, NONE);
        late.stop(MONDAY.plus(Duration.ofDays(8)));
        assertThat(late.status).isEqualTo(SlaClock.Status.BREACHED);
    }

    @Test
    void pausingTwiceOrResumingARunningClockIsAConflict() {
        SlaClock clock = SlaClock.start(UUID.randomUUID(), SlaClock.Kind.RECORDS, 5, MONDAY, NONE);
        assertThatThrownBy(() -> clock.resume(MONDAY)).isInstanceOf(ProblemException.Conflict.class);
        clock.pause(MONDAY);
        assertThatThrownBy(() -> clock.pause(MONDAY)).isInstanceOf(ProblemException.Conflict.class);
    }
}
