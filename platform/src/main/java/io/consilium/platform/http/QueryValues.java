package io.consilium.platform.http;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Parses typed query parameters from their raw strings. JAX-RS answers a query parameter it cannot convert with
 * 404, which tells a client nothing; these answer 400 problem+json naming the parameter and what it accepts.
 */
public final class QueryValues {

    private QueryValues() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw invalid(name, "must be one of " + allowed);
        }
    }

    public static Instant instant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim();
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            // a plain date is the start of that day in UTC, so from=2026-11-01&to=2026-12-01 is November
        }
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be an ISO-8601 date or UTC instant such as 2026-11-25 or 2026-11-25T09:00:00Z");
        }
    }

    /** A whole number within {@code [min, max]}; {@code defaultValue} when absent. */
    public static int integer(String name, String raw, int defaultValue, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw invalid(name, "must be a whole number from " + min + " to " + max);
    }

    public static UUID uuid(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(name, "must be a UUID");
        }
    }

    /** A free-text filter: absent when blank, trimmed otherwise. */
    public static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    private static ProblemException invalid(String name, String message) {
        return new ProblemException.InvalidRequest("Query parameter " + name + " is not valid",
                List.of(new Violation(name, message)));
    }
}
