package io.consilium.platform.input;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;

/**
 * The one rule for every string that enters a Consilium service: JSON bodies and query, path and header values
 * (applied by the platform without per-endpoint code), and whatever else a service reads from outside (tus
 * metadata, CSV rows), which calls it directly. PostgreSQL refuses NUL outright (a 500 before this rule), and the
 * other characters refused here are invisible, reorder what a reader sees, or are not text at all, and would
 * travel on into PDFs and FHIR exports.
 * <p>
 * Accepted text is returned in Unicode NFC, so "e&#92;u0301" and "&#92;u00e9" are stored, compared and
 * exported alike. Refusals never echo the value, only the code point and its position.
 */
public final class InputPolicy {

    private InputPolicy() {
    }

    /**
     * The value in NFC, or a 400 {@link ProblemException.InvalidRequest} naming {@code field} when the value
     * holds a character {@code kind} refuses. {@code null} stays {@code null}.
     */
    public static String check(String field, String value, TextKind kind) {
        Optional<String> refusal = refusal(value, kind);
        if (refusal.isPresent()) {
            throw new ProblemException.InvalidRequest("The request has 1 invalid field(s)",
                    List.of(new Violation(field, refusal.get())));
        }
        return normalised(value);
    }

    /** Why {@code kind} refuses the value (a client-facing message without its content), or empty when it may pass. */
    public static Optional<String> refusal(String value, TextKind kind) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            String why = why(cp, kind);
            if (why != null) {
                return Optional.of("must not contain " + why + " (" + codePoint(cp) + " at position " + i + ")");
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /** The value in NFC; for values already checked. */
    public static String normalised(String value) {
        return value == null || Normalizer.isNormalized(value, Normalizer.Form.NFC)
                ? value : Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    /**
     * The value without the characters {@code kind} refuses, in NFC: for outputs (PDFs, FHIR exports) built from
     * stored text and from other services' events, which must never carry what the policy refuses even when it
     * was stored before the policy existed.
     */
    public static String scrub(String value, TextKind kind) {
        if (value == null || refusal(value, kind).isEmpty()) {
            return normalised(value);
        }
        StringBuilder kept = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (why(cp, kind) == null) {
                kept.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return normalised(kept.toString());
    }

    private static String why(int cp, TextKind kind) {
        if (cp == 0) {
            return "NUL";
        }
        if (Character.getType(cp) == Character.CONTROL) {
            boolean lineBreakOrTab = cp == '\t' || cp == '\n' || cp == '\r';
            return lineBreakOrTab && kind == TextKind.FREE_TEXT ? null : "control characters";
        }
        if (cp >= 0x202A && cp <= 0x202E) {
            return "bidirectional embeddings or overrides";
        }
        if (kind == TextKind.NAME && (cp >= 0x2066 && cp <= 0x2069 || cp == 0x200E || cp == 0x200F || cp == 0x061C)) {
            return "bidirectional isolates or marks";
        }
        if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
            // codePointAt returns a surrogate code unit only when it has no partner.
            return "unpaired surrogates";
        }
        if (cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE) {
            return "noncharacters";
        }
        return null;
    }

    private static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }
}
