package io.consilium.cases.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;

/** Business-day arithmetic for SLA clocks: Monday to Friday in UTC, less the plan's holidays. */
public final class BusinessDays {

    private BusinessDays() {
    }

    /** {@code start} plus {@code days} weekdays that are not {@code holidays}, at the same time of day. */
    public static Instant add(Instant start, int days, Set<LocalDate> holidays) {
        ZonedDateTime t = start.atZone(ZoneOffset.UTC);
        int added = 0;
        while (added < days) {
            t = t.plusDays(1);
            if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !holidays.contains(t.toLocalDate())) {
                added++;
            }
        }
        return t.toInstant();
    }
}
