package io.consilium.document.api;

import io.consilium.platform.input.InputPolicy;
import io.consilium.platform.input.TextKind;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tus {@code Upload-Metadata} header: comma-separated {@code key base64(value)} pairs. Values must be
 * valid UTF-8 that the platform's input policy accepts (no controls, bidi overrides or noncharacters; NFC); the header
 * is bounded in size and number of keys.
 */
public final class TusMetadata {

    static final int MAX_HEADER = 4096;
    static final int MAX_KEYS = 16;

    private TusMetadata() {
    }

    public static Map<String, String> parse(String header) {
        Map<String, String> values = new HashMap<>();
        if (header == null || header.isBlank()) {
            return values;
        }
        if (header.length() > MAX_HEADER) {
            throw invalid("must not be longer than " + MAX_HEADER + " characters");
        }
        String[] pairs = header.split(",");
        if (pairs.length > MAX_KEYS) {
            throw invalid("must not have more than " + MAX_KEYS + " keys");
        }
        for (String pair : pairs) {
            String[] parts = pair.trim().split(" ", -1);
            if (parts.length > 2 || parts[0].isEmpty()) {
                throw invalid("must be comma-separated 'key base64value' pairs");
            }
            String value = "";
            if (parts.length == 2) {
                try {
                    byte[] decoded = Base64.getDecoder().decode(parts[1]);
                    value = StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(decoded)).toString();
                } catch (IllegalArgumentException | CharacterCodingException e) {
                    throw invalid("the value of " + safeKey(parts[0]) + " is not base64-encoded UTF-8");
                }
            }
            // the decoded values are text that enters like any other: the platform's input policy, in NFC
            value = InputPolicy.check("Upload-Metadata." + safeKey(parts[0]), value, TextKind.NAME);
            if (values.put(parts[0], value) != null) {
                throw invalid("key " + safeKey(parts[0]) + " appears twice");
            }
        }
        return values;
    }

    private static String safeKey(String key) {
        return key.replaceAll("[^A-Za-z0-9_-]", "?");
    }

    private static ProblemException invalid(String message) {
        return new ProblemException.InvalidRequest("Upload-Metadata is not valid",
                List.of(new Violation("Upload-Metadata", message)));
    }
}
