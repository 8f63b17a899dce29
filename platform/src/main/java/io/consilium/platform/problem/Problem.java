package io.consilium.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error answer of every Consilium service.
 *
 * @param violations for validation errors only: which field was wrong and why
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:consilium:problem:";

    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(TYPE_PREFIX + type.slug(), type.title(), type.status(), detail, instance, null);
    }

    public static Problem invalid(String detail, String instance, List<Violation> violations) {
        return withViolations(ProblemType.INVALID_REQUEST, detail, instance, violations);
    }

    /** A problem naming the fields at fault: 400 for malformed ones, 422 for well-formed ids the caller may not use. */
    public static Problem withViolations(ProblemType type, String detail, String instance, List<Violation> violations) {
        return new Problem(TYPE_PREFIX + type.slug(), type.title(), type.status(), detail, instance,
                List.copyOf(violations));
    }
}
