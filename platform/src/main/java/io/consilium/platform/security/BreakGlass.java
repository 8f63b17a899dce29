package io.consilium.platform.security;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;

import java.util.List;

/**
 * Ops read clinical content only in an emergency, saying why: the reason travels in a header and ends up in the
 * audit record's purpose, where the patient's access log shows it. The same rule in every service that holds
 * clinical content (case-service's intake, report-service's reports).
 */
public final class BreakGlass {

    public static final String HEADER = "X-Break-Glass-Reason";

    private BreakGlass() {
    }

    /** The audit purpose for a stated reason; 400 when the reason is too short to mean anything or too long. */
    public static String purpose(String reason) {
        String trimmed = reason.strip();
        if (trimmed.length() < 10 || trimmed.length() > 500 || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new ProblemException.InvalidRequest("A break-glass reason must say why",
                    List.of(new Violation(HEADER, "must be 10 to 500 printable characters")));
        }
        return "break-glass: " + trimmed;
    }
}
