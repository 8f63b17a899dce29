package io.consilium.cases.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Business-day arithmetic for SLA clocks: Monday to Friday, UTC; public holidays are not modelled yet. */
public final class BusinessDays {

    private BusinessDays() {
    }

    /** {@code start} plus {@code days} weekdays, at the same time of day. */
    public static Instant add(Instant start, int days) {
        ZonedDateTime t = start.atZone(ZoneOffset.UTC);
        int added = 0;
        while (added < days) {
            t = t.plusDays(1);
            if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return t.toInstant();
    }
}
