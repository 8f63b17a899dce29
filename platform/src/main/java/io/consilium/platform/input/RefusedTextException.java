package io.consilium.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A body string {@link InputPolicy} refuses. A mismatched-input exception so Jackson adds the field's path as it
 * unwinds (records, lists, nested objects) and the problem mapper names the field; the message is the policy's,
 * which never echoes the value.
 */
public class RefusedTextException extends MismatchedInputException {

    private final String reason;

    RefusedTextException(JsonParser parser, String reason) {
        super(parser, reason, String.class);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
