package io.consilium.cases.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One row of an uploaded roster, as text, and the rules it must pass: a member id, a plan of the tenant (by name),
 * an ISO start date and an optional end date not before it.
 */
public record RosterRow(long line, String memberId, String plan, String validFrom, String validTo) {

    private static final Pattern MEMBER_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** A row that passed: ready to store. */
    public record Valid(String memberId, UUID planId, LocalDate validFrom, LocalDate validTo) {
    }

    /** @return the problems of this row; empty when {@link #valid} may be called */
    public List<String> problems(Map<String, UUID> plansByName) {
        List<String> problems = new ArrayList<>(2);
        if (memberId == null || !MEMBER_ID.matcher(memberId).matches()) {
            problems.add("memberId must be 1 to 100 letters, digits or . _ : -");
        }
        if (plan == null || !plansByName.containsKey(plan)) {
            problems.add("plan must name one of the tenant's plans");
        }
        LocalDate from = date(validFrom);
        if (from == null) {
            problems.add("validFrom must be a date such as 2026-01-01");
        }
        LocalDate to = null;
        if (validTo != null && !validTo.isBlank()) {
            to = date(validTo);
            if (to == null) {
                problems.add("validTo must be empty or a date such as 2026-12-31");
            }
        }
        if (from != null && to != null && to.isBefore(from)) {
            problems.add("validTo must not be before validFrom");
        }
        return problems;
    }

    public Valid valid(Map<String, UUID> plansByName) {
        return new Valid(memberId, plansByName.get(plan), date(validFrom),
                validTo == null || validTo.isBlank() ? null : date(validTo));
    }

    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
