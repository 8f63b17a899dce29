package io.consilium.specialist.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/** A period (both days inclusive) in which a specialist takes no new case. Stored as {@code 2026-12-01/2026-12-24}. */
public record Absence(LocalDate from, LocalDate to) {

    public Absence {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("An absence ends on or after its first day");
        }
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** Whether the absence touches any day from {@code first} to {@code last}, both inclusive. */
    public boolean overlaps(LocalDate first, LocalDate last) {
        return !from.isAfter(last) && !to.isBefore(first);
    }

    public static Absence parse(String stored) {
        int slash = stored.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("Absence is not from/to: " + stored);
        }
        try {
            return new Absence(LocalDate.parse(stored.substring(0, slash)), LocalDate.parse(stored.substring(slash + 1)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Absence is not from/to: " + stored, e);
        }
    }

    public String stored() {
        return from + "/" + to;
    }
}
