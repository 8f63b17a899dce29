package io.consilium.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * A failure a client can act on. Domain code throws one of the subclasses (plain Java, no HTTP types);
 * {@link ProblemMappers} answers it as problem+json. Messages go to clients: they must never carry
 * clinical content or whether a foreign object exists.
 */
public abstract class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Violation> violations;
    private Map<String, Object> extensions = Map.of();

    protected ProblemException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    protected ProblemException(ProblemType type, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.type = type;
        this.violations = violations;
    }

    public ProblemType type() {
        return type;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** RFC 9457 extension members of the answer (a reason code, the open items...); empty by default. */
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** Adds extension members to the answer; values must be JSON-serialisable and free of clinical content. */
    public ProblemException with(String member, Object value) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(extensions);
        all.put(member, value);
        extensions = Map.copyOf(all);
        return this;
    }

    /** 404, for unknown objects and for objects the caller may not see alike, so ids cannot be probed. */
    public static final class NotFound extends ProblemException {
        public NotFound(String what) {
            super(ProblemType.NOT_FOUND, what + " not found");
        }
    }

    /** 409: the object's state does not allow the request (e.g. an illegal transition). */
    public static final class Conflict extends ProblemException {
        public Conflict(String detail) {
            super(ProblemType.CONFLICT, detail);
        }
    }

    /** 412: the caller's {@code If-Match} names a version that is no longer current. */
    public static final class PreconditionFailed extends ProblemException {
        public PreconditionFailed(String detail) {
            super(ProblemType.PRECONDITION_FAILED, detail);
        }
    }

    /** 403: the caller may see the object but not do this to it. */
    public static final class Forbidden extends ProblemException {
        public Forbidden(String detail) {
            super(ProblemType.FORBIDDEN, detail);
        }
    }

    /** 422: well-formed, but a business rule refuses it (e.g. the member is not covered). */
    public static final class Unprocessable extends ProblemException {
        public Unprocessable(String detail) {
            super(ProblemType.UNPROCESSABLE, detail);
        }

        /** With the fields at fault, e.g. an id the request names that the caller may not use. */
        public Unprocessable(String detail, List<Violation> violations) {
            super(ProblemType.UNPROCESSABLE, detail, List.copyOf(violations));
        }
    }

    /** 400 raised by domain code, with the fields at fault. */
    public static final class InvalidRequest extends ProblemException {
        public InvalidRequest(String detail, List<Violation> violations) {
            super(ProblemType.INVALID_REQUEST, detail, List.copyOf(violations));
        }
    }
}
