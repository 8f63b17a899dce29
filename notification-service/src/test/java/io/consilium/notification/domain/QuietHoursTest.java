package io.consilium.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuietHoursTest {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    final QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), MADRID);

    @Test
    void aNightSpanningMidnightEndsTheNextMorningInThePersonsZone() {
        // 23:30 in Madrid (winter, UTC+1) is 22:30Z; the night ends at 07:00 Madrid = 06:00Z the next day
        assertThat(night.endOfQuietPeriod(Instant.parse("2026-12-01T22:30:00Z")))
                .contains(Instant.parse("2026-12-02T06:00:00Z"));
        // 05:00 Madrid: the same night, ending that morning
        assertThat(night.endOfQuietPeriod(Instant.parse("2026-12-02T04:00:00Z")))
                .contains(Instant.parse("2026-12-02T06:00:00Z"));
    }

    @Test
    void outsideTheHoursNothingWaitsAndTheEndItselfIsNoLongerQuiet() {
        assertThat(night.endOfQuietPeriod(Instant.parse("2026-12-01T12:00:00Z"))).isEmpty();
        assertThat(night.endOfQuietPeriod(Instant.parse("2026-12-02T06:00:00Z"))).isEmpty();
        assertThat(night.endOfQuietPeriod(Instant.parse("2026-12-01T21:00:00Z"))).contains(Instant.parse("2026-12-02T06:00:00Z"));
    }

    @Test
    void aDaytimePeriodEndsTheSameDay() {
        QuietHours lunch = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0), ZoneId.of("UTC"));
        assertThat(lunch.endOfQuietPeriod(Instant.parse("2026-12-01T14:59:00Z"))).contains(Instant.parse("2026-12-01T15:00:00Z"));
        assertThat(lunch.endOfQuietPeriod(Instant.parse("2026-12-01T12:59:00Z"))).isEmpty();
        assertThat(lunch.endOfQuietPeriod(Instant.parse("2026-12-01T15:00:00Z"))).isEmpty();
    }

    @Test
    void theWallClockCountsAcrossADaylightSavingChange() {
        // the night of 28 to 29 March 2026: Madrid moves from UTC+1 to UTC+2; 07:00 local is 05:00Z
        assertThat(night.endOfQuietPeriod(Instant.parse("2026-03-28T23:00:00Z")))
                .contains(Instant.parse("2026-03-29T05:00:00Z"));
    }

    @Test
    void aPeriodOfNoLengthIsRefused() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.NOON, LocalTime.NOON, MADRID))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
