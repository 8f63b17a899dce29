package io.consilium.platform.problem;

/** One invalid field of a request: its JSON path (e.g. {@code patient.email}, {@code reasons[1]}) and what is wrong. */
public record Violation(String field, String message) {
}
