package io.consilium.document.domain;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;

import java.text.Normalizer;
import java.util.List;

/**
 * Makes a client's file name safe to store and to show. File names are never used as paths (objects are
 * addressed by hash), but they end up in download headers and in other people's file systems:
 * <ul>
 *     <li>control characters (including NUL, CR, LF, DEL and the C1 range) and bidirectional overrides are
 *     refused: there is no harmless reading of them;</li>
 *     <li>directory parts are dropped, whichever separator they use ({@code ../../etc/passwd} becomes
 *     {@code passwd}), and a name that is only dots is refused;</li>
 *     <li>the name is normalised to Unicode NFC and limited to 255 characters.</li>
 * </ul>
 */
public final class FileNames {

    static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    public static String sanitise(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("a file name is required");
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                throw invalid("must not contain control characters");
            }
        }
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(cut + 1).strip();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
            throw invalid("must name a file, not a directory");
        }
        if (name.length() > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
            name = name.substring(0, MAX_LENGTH - extension.length()) + extension;
        }
        return name;
    }

    private static ProblemException invalid(String message) {
        return new ProblemException.InvalidRequest("The file name is not acceptable",
                List.of(new Violation("Upload-Metadata.filename", message)));
    }
}
