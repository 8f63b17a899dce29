package io.consilium.cases.domain;

import io.consilium.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaClockTest {

    /** A Monday. */
    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void businessDaysSkipWeekends() {
        assertThat(BusinessDays.add(MONDAY, 5)).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(BusinessDays.add(Instant.parse("2026-11-27T09:00:00Z"), 1)).as("Friday + 1")
                .isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(BusinessDays.add(Instant.parse("2026-11-28T09:00:00Z"), 1)).as("Saturday + 1")
                .isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
    }

    @Test
    void runningClockGoesAtRiskThenBreached() {
        SlaClock clock = SlaClock.start(UUID.randomUUID(), SlaClock.Kind.RECORDS, 5, MONDAY);
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
        SlaClock clock = SlaClock.start(UUID.randomUUID(), SlaClock.Kind.RECORDS, 5, MONDAY);
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
        SlaClock met = SlaClock.start(UUID.randomUUID(), SlaClock.Kind.REVIEW, 5, MONDAY);
        met.stop(MONDAY.plus(Duration.ofDays(3)));
        assertThat(met.status).isEqualTo(SlaClock.Status.MET);
        assertThat(met.evaluate(MONDAY.plus(Duration.ofDays(30)))).as("a stopped clock stays as it ended").isFalse();
        SlaClock late = SlaClock.start(UUID.randomUUID(), SlaClock.Kind.REVIEW, 5, MONDAY);
        late.stop(MONDAY.plus(Duration.ofDays(8)));
        assertThat(late.status).isEqualTo(SlaClock.Status.BREACHED);
    }

    @Test
    void pausingTwiceOrResumingARunningClockIsAConflict() {
        SlaClock clock = SlaClock.start(UUID.randomUUID(), SlaClock.Kind.RECORDS, 5, MONDAY);
        assertThatThrownBy(() -> clock.resume(MONDAY)).isInstanceOf(ProblemException.Conflict.class);
        clock.pause(MONDAY);
        assertThatThrownBy(() -> clock.pause(MONDAY)).isInstanceOf(ProblemException.Conflict.class);
    }
}
