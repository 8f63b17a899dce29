package io.consilium.cases.api;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The period of a statistics request as [from, to). Plain dates are whole UTC days and both ends are inclusive,
 * as people write a period ({@code from=2026-11-01&to=2026-11-30} is November); a full ISO-8601 instant is taken
 * as given ({@code from} inclusive, {@code to} exclusive), as these endpoints accepted before. Anything else, a
 * missing end, an empty period or one longer than {@link #MAX_DAYS}, is a 400 naming the parameter.
 */
public record StatisticsPeriod(Instant from, Instant to) {

    public static final int MAX_DAYS = 3_700;

    public static StatisticsPeriod parse(String rawFrom, String rawTo) {
        List<Violation> violations = new ArrayList<>();
        Instant from = bound("from", rawFrom, false, violations);
        Instant to = bound("to", rawTo, true, violations);
        if (violations.isEmpty()) {
            if (!from.isBefore(to)) {
                violations.add(new Violation("to", "must not be before from"));
            } else if (Duration.between(from, to).toDays() > MAX_DAYS) {
                violations.add(new Violation("to", "the period may span at most " + MAX_DAYS + " days"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException.InvalidRequest("The statistics period is not valid", violations);
        }
        return new StatisticsPeriod(from, to);
    }

    private static Instant bound(String name, String raw, boolean end, List<Violation> violations) {
        if (raw == null || raw.isBlank()) {
            violations.add(new Violation(name, "is required: a date such as 2026-11-01 or a UTC instant"));
            return null;
        }
        String value = raw.trim();
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            // not an instant: a plain date, below
        }
        try {
            LocalDate day = LocalDate.parse(value);
            return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new Violation(name, "must be a date such as 2026-11-30 or a UTC instant such as 2026-11-30T00:00:00Z"));
            return null;
        }
    }
}
