package io.consilium.document.domain;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.ProblemType;

/**
 * An upload the checks refuse: answered as problem+json with the given status, and recorded on the upload
 * (and in a {@code rejected} event) with {@link #reason()} when it happens at completion.
 */
public class UploadRefused extends ProblemException {

    private final String reason;

    public UploadRefused(ProblemType type, String reason, String detail) {
        super(type, detail);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
