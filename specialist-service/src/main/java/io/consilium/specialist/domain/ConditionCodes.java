package io.consilium.specialist.domain;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ICD-10 codes and ranges as a specialist's conditions: {@code C61} (the category and all its subcodes),
 * {@code C61.9} (one subcode) or {@code C60-C63} (categories C60 to C63 inclusive, with their subcodes).
 */
public final class ConditionCodes {

    private static final Pattern CODE = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?");
    private static final Pattern RANGE = Pattern.compile("([A-Z][0-9]{2})-([A-Z][0-9]{2})");

    private ConditionCodes() {
    }

    /** Whether {@code code} is an ICD-10 code such as C61 or C61.9. */
    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** Whether {@code entry} is a code or an ascending range of categories such as C60-C63. */
    public static boolean isEntry(String entry) {
        if (entry == null) {
            return false;
        }
        Matcher range = RANGE.matcher(entry);
        if (range.matches()) {
            return range.group(1).compareTo(range.group(2)) <= 0;
        }
        return isCode(entry);
    }

    /**
     * The stored entries that cover {@code code}: the code itself, its category (C61 for C61.9) and those of
     * {@code storedRanges} that include its category. For anything that is not a code (e.g. a range), just it.
     */
    public static List<String> entriesCovering(String code, Collection<String> storedRanges) {
        String wanted = code.trim().toUpperCase(Locale.ROOT);
        if (!isCode(wanted)) {
            return List.of(wanted);
        }
        String category = wanted.substring(0, 3);
        Set<String> entries = new LinkedHashSet<>(List.of(wanted, category));
        for (String range : storedRanges) {
            if (RANGE.matcher(range).matches() && covers(range, wanted, category)) {
                entries.add(range);
            }
        }
        return List.copyOf(entries);
    }

    /** Whether one of {@code entries} covers {@code code}; false for a null or malformed code. */
    public static boolean covers(List<String> entries, String code) {
        if (code == null) {
            return false;
        }
        String wanted = code.trim().toUpperCase(Locale.ROOT);
        if (!isCode(wanted)) {
            return false;
        }
        String category = wanted.substring(0, 3);
        for (String entry : entries) {
            if (covers(entry, wanted, category)) {
                return true;
            }
        }
        return false;
    }

    private static boolean covers(String entry, String code, String category) {
        // Hot path of matching (thousands of entries per request): plain string tests, no regex.
        if (entry.length() == 7 && entry.charAt(3) == '-') {
            // Same shape (letter + two digits), so string order is category order.
            return entry.substring(0, 3).compareTo(category) <= 0 && category.compareTo(entry.substring(4)) <= 0;
        }
        return entry.equals(code) || (entry.length() == 3 && entry.equals(category))
                || (code.length() > entry.length() && code.startsWith(entry) && code.charAt(entry.length()) == '.');
    }
}
