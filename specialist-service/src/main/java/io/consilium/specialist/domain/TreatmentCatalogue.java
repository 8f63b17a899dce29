package io.consilium.specialist.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The treatment catalogue ({@code catalogues/treatments.csv}, shared as data with report-service): the codes a
 * provider may offer and a search may ask for. Plain code, parsed from the file's lines, so it is unit-testable.
 */
public final class TreatmentCatalogue {

    /** What a treatment code looks like; anything else in a search is free text. */
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    public record Treatment(String code, String display, String category, String snomedCt) {
    }

    private final Map<String, Treatment> byCode;

    private TreatmentCatalogue(Map<String, Treatment> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    /**
     * Parses the CSV: a header {@code code,display,category,snomed_ct}, then one treatment a line (no quoted
     * commas: the file keeps displays comma-free). A malformed or duplicated line is a broken file, refused at once.
     */
    public static TreatmentCatalogue parse(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).strip().equals("code,display,category,snomed_ct")) {
            throw new IllegalArgumentException("treatments.csv must start with the header code,display,category,snomed_ct");
        }
        Map<String, Treatment> byCode = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 4 || !CODE.matcher(cells[0]).matches() || cells[1].isBlank()
                    || !(cells[3].isEmpty() || cells[3].matches("[0-9]{6,18}"))) {
                throw new IllegalArgumentException("treatments.csv line " + (i + 1) + " is not code,display,category,snomed_ct");
            }
            Treatment t = new Treatment(cells[0], cells[1], cells[2], cells[3].isEmpty() ? null : cells[3]);
            if (byCode.put(t.code(), t) != null) {
                throw new IllegalArgumentException("treatments.csv names " + t.code() + " twice");
            }
        }
        return new TreatmentCatalogue(byCode);
    }

    public Optional<Treatment> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public boolean knows(String code) {
        return byCode.containsKey(code);
    }

    public int size() {
        return byCode.size();
    }

    /** Whether a search term is meant as a code (and so must be a known one) rather than free text. */
    public static boolean looksLikeCode(String term) {
        return CODE.matcher(term).matches();
    }

    /** The codes whose display name contains the free text (case-insensitive), so "proton" finds PROTON_THERAPY. */
    public List<String> codesMatching(String freeText) {
        String needle = freeText.strip().toLowerCase(Locale.ROOT);
        List<String> codes = new ArrayList<>();
        if (needle.isEmpty()) {
            return codes;
        }
        for (Treatment t : byCode.values()) {
            if (t.display().toLowerCase(Locale.ROOT).contains(needle)) {
                codes.add(t.code());
            }
        }
        return codes;
    }
}
