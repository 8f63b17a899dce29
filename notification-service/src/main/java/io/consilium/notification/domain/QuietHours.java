package io.consilium.notification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A daily period, in the person's own time zone, during which routine messages wait. {@code start} after
 * {@code end} spans midnight (22:00-07:00). Judged on the wall clock of the zone, so a quiet night stays 22:00-07:00
 * across a daylight saving change; an end that falls into the spring-forward gap is the first instant after it.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public QuietHours {
        Objects.requireNonNull(start);
        Objects.requireNonNull(end);
        Objects.requireNonNull(zone);
        if (start.equals(end)) {
            // a period of no length or of the whole day: either way not what anyone means
            throw new IllegalArgumentException("Quiet hours must start and end at different times");
        }
    }

    /** When the quiet period {@code now} falls in ends, or empty when {@code now} is not quiet. */
    public Optional<Instant> endOfQuietPeriod(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        boolean overnight = start.isAfter(end);
        if (!overnight) {
            if (!t.isBefore(start) && t.isBefore(end)) {
                return Optional.of(ZonedDateTime.of(day, end, zone).toInstant());
            }
            return Optional.empty();
        }
        if (!t.isBefore(start)) {
            return Optional.of(ZonedDateTime.of(day.plusDays(1), end, zone).toInstant());
        }
        if (t.isBefore(end)) {
            return Optional.of(ZonedDateTime.of(day, end, zone).toInstant());
        }
        return Optional.empty();
    }
}
