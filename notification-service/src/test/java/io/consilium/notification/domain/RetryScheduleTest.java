package io.consilium.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryScheduleTest {

    final RetrySchedule schedule = new RetrySchedule(RetrySchedule.STANDARD, 0.1);
    final Instant t0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void theStandardScheduleSpansMoreThanADayInEightAttempts() {
        assertThat(schedule.maxAttempts()).isEqualTo(8);
        assertThat(schedule.span()).isGreaterThanOrEqualTo(Duration.ofHours(24));
    }

    @Test
    void delaysGrowAndAreJitteredWithinTheBound() {
        assertThat(schedule.next(1, t0, () -> 0.5)).contains(t0.plusSeconds(5));
        assertThat(schedule.next(1, t0, () -> 0.0)).contains(t0.plusMillis(4500));
        assertThat(schedule.next(1, t0, () -> 0.999999)).hasValueSatisfying(
                at -> assertThat(at).isBetween(t0.plusMillis(5499), t0.plusMillis(5500)));
        assertThat(schedule.next(2, t0, () -> 0.5)).contains(t0.plus(Duration.ofMinutes(5)));
        assertThat(schedule.next(7, t0, () -> 0.5)).contains(t0.plus(Duration.ofHours(10)));
        Duration previous = Duration.ZERO;
        for (int attempt = 1; attempt < schedule.maxAttempts(); attempt++) {
            Duration delay = Duration.between(t0, schedule.next(attempt, t0, () -> 0.5).orElseThrow());
            assertThat(delay).isGreaterThanOrEqualTo(previous);
            previous = delay;
        }
    }

    @Test
    void afterTheLastAttemptTheDeliveryIsDead() {
        assertThat(schedule.next(8, t0, () -> 0.5)).isEmpty();
        assertThat(schedule.next(0, t0, () -> 0.5)).isEmpty();
    }

    @Test
    void aScheduleNeedsDelaysAndASaneJitter() {
        assertThatThrownBy(() -> new RetrySchedule(java.util.List.of(), 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(RetrySchedule.STANDARD, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
