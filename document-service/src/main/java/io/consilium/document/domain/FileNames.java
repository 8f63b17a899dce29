package io.consilium.document.domain;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Makes a client's file name safe to store and to show. File names are never used as paths (objects are
 * addressed by hash), but they end up in download headers and in other people's file systems:
 * <ul>
 *     <li>control characters (including NUL, CR, LF, DEL and the C1 range) and bidirectional overrides are
 *     refused: there is no harmless reading of them;</li>
 *     <li>directory parts are dropped, whichever separator they use ({@code ../../etc/passwd} becomes
 *     {@code passwd}), and a name that is only dots is refused;</li>
 *     <li>the name is normalised to Unicode NFC; longer than 255 characters it is refused (not cut: a cut name
 *     may lose what told the patient which file it was).</li>
 * </ul>
 * Once the content's type is known, {@link #withExtensionOf} makes the extension match it, so a PNG sent as
 * {@code scan.pdf} is kept as {@code scan.png}: whoever downloads it later opens it with the right program.
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
            throw invalid("must not be longer than " + MAX_LENGTH + " characters");
        }
        return name;
    }

    /**
     * The name with an extension of {@code type}: kept when it has one already ({@code photo.JPG}), replaced
     * when it names another accepted type ({@code scan.pdf} for a PNG becomes {@code scan.png}), appended
     * otherwise ({@code IM0001}, {@code 1.2.840.1.5} become {@code IM0001.dcm}, {@code 1.2.840.1.5.dcm}); the base
     * is shortened if the result would exceed {@value #MAX_LENGTH} characters.
     */
    public static String withExtensionOf(String name, AllowedType type) {
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        if (type.extensions().contains(extension)) {
            return name;
        }
        boolean ofAnotherType = Arrays.stream(AllowedType.values()).anyMatch(t -> t.extensions().contains(extension));
        String base = ofAnotherType ? name.substring(0, dot) : name;
        String wanted = "." + type.extensions().get(0);
        if (base.length() + wanted.length() > MAX_LENGTH) {
            base = base.substring(0, MAX_LENGTH - wanted.length());
        }
        return base + wanted;
    }

    private static ProblemException invalid(String message) {
        return new ProblemException.InvalidRequest("The file name is not acceptable",
                List.of(new Violation("Upload-Metadata.filename", message)));
    }
}
