package io.consilium.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the body of every error answer of every Consilium service.
 *
 * @param violations for validation errors only: which field was wrong and why
 * @param extensions RFC 9457 extension members a client can act on (e.g. {@code reason}, {@code openItems}),
 *                   written beside the standard members; never clinical content
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<Violation> violations, @JsonIgnore Map<String, Object> extensions) {

    public Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {
        this(type, title, status, detail, instance, violations, null);
    }

    /** The extension members as top-level JSON members (RFC 9457 section 3.2). */
    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }

    /** The same problem with extension members added. */
    public Problem with(Map<String, Object> members) {
        if (members == null || members.isEmpty()) {
            return this;
        }
        Map<String, Object> all = new LinkedHashMap<>(extensions == null ? Map.of() : extensions);
        all.putAll(members);
        return new Problem(type, title, status, detail, instance, violations, Map.copyOf(all));
    }

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
