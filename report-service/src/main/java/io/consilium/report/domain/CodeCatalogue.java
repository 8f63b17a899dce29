package io.consilium.report.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The codes a report may carry beside its free text, kept as data in the repository's {@code catalogues/} folder
 * (shared with specialist-service, see {@code catalogues/README.md}): treatments ({@code treatments.csv}, English
 * names, with {@code treatment-names.csv} for es, de, fr), tests ({@code tests.csv}, with a LOINC reference where
 * one was checked) and medications by their WHO ATC code ({@code medications.csv}). A code is a promise: it is
 * what the consolidation compares, so only codes in the files are taken, and a report's readers see the name in
 * their own language. Plain code: parsed from lines, unit-tested without the classpath.
 */
public final class CodeCatalogue {

    /** The three catalogues, each with the name of the field kind it serves in error messages. */
    public enum Kind {
        TREATMENT("treatments"), TEST("tests"), MEDICATION("medications (ATC)");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * One entry: its code, its names by language ({@code en} always present) and an external reference where one
     * exists (SNOMED CT id for treatments, LOINC for tests; null otherwise; for medications the ATC code itself).
     */
    public record Entry(Kind kind, String code, Map<String, String> names, String reference) {
        public String name(String language) {
            String n = language == null ? null : names.get(language);
            return n != null ? n : names.get("en");
        }
    }

    static final Pattern LOCAL_CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** ATC level 5 (a substance, R06AE07) or level 4 (a chemical subgroup, D02AC, for products like emollients). */
    static final Pattern ATC = Pattern.compile("[A-Z][0-9]{2}[A-Z]{2}([0-9]{2})?");
    private static final List<String> LANGUAGES = List.of("es", "de", "fr");

    private static volatile CodeCatalogue standard;

    private final Map<Kind, Map<String, Entry>> entries;

    private CodeCatalogue(Map<Kind, Map<String, Entry>> entries) {
        this.entries = entries;
    }

    /** The catalogues on the classpath ({@code catalogues/*.csv}), read once; a broken file fails at first use. */
    public static CodeCatalogue standard() {
        CodeCatalogue c = standard;
        if (c == null) {
            synchronized (CodeCatalogue.class) {
                if (standard == null) {
                    standard = parse(lines("treatments.csv"), lines("treatment-names.csv"), lines("tests.csv"),
                            lines("medications.csv"));
                }
                c = standard;
            }
        }
        return c;
    }

    public static CodeCatalogue parse(List<String> treatments, List<String> treatmentNames, List<String> tests,
                                      List<String> medications) {
        Map<Kind, Map<String, Entry>> all = new LinkedHashMap<>();
        Map<String, Entry> t = new LinkedHashMap<>();
        for (String[] cells : rows("treatments.csv", treatments, "code,display,category,snomed_ct", 4)) {
            put("treatments.csv", t, new Entry(Kind.TREATMENT, code(cells[0], LOCAL_CODE, "treatments.csv"),
                    new LinkedHashMap<>(Map.of("en", cells[1])), cells[3].isEmpty() ? null : cells[3]));
        }
        for (String[] cells : rows("treatment-names.csv", treatmentNames, "code,display_es,display_de,display_fr", 4)) {
            Entry e = t.get(cells[0]);
            if (e == null) {
                throw new IllegalArgumentException("treatment-names.csv names " + cells[0] + ", which treatments.csv lacks");
            }
            for (int i = 0; i < LANGUAGES.size(); i++) {
                if (!cells[i + 1].isBlank()) {
                    e.names().put(LANGUAGES.get(i), cells[i + 1]);
                }
            }
        }
        all.put(Kind.TREATMENT, t);
        Map<String, Entry> s = new LinkedHashMap<>();
        for (String[] cells : rows("tests.csv", tests, "code,display,display_es,display_de,display_fr,category,loinc", 7)) {
            put("tests.csv", s, new Entry(Kind.TEST, code(cells[0], LOCAL_CODE, "tests.csv"), names(cells, 1),
                    cells[6].isEmpty() ? null : cells[6]));
        }
        all.put(Kind.TEST, s);
        Map<String, Entry> m = new LinkedHashMap<>();
        for (String[] cells : rows("medications.csv", medications, "atc,display,display_es,display_de,display_fr", 5)) {
            put("medications.csv", m, new Entry(Kind.MEDICATION, code(cells[0], ATC, "medications.csv"), names(cells, 1),
                    cells[0]));
        }
        all.put(Kind.MEDICATION, m);
        all.replaceAll((k, v) -> Collections.unmodifiableMap(v));
        return new CodeCatalogue(Collections.unmodifiableMap(all));
    }

    public Optional<Entry> find(Kind kind, String code) {
        return Optional.ofNullable(code == null ? null : entries.get(kind).get(code.strip().toUpperCase(Locale.ROOT)));
    }

    public boolean knows(Kind kind, String code) {
        return code != null && entries.get(kind).containsKey(code);
    }

    public int size(Kind kind) {
        return entries.get(kind).size();
    }

    /** The entry's name in {@code language} (English where none), or the code itself when it is not known. */
    public String name(Kind kind, String code, String language) {
        return find(kind, code).map(e -> e.name(language)).orElse(code);
    }

    private static Map<String, String> names(String[] cells, int first) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("en", cells[first]);
        for (int i = 0; i < LANGUAGES.size(); i++) {
            if (!cells[first + 1 + i].isBlank()) {
                names.put(LANGUAGES.get(i), cells[first + 1 + i]);
            }
        }
        return names;
    }

    private static void put(String file, Map<String, Entry> into, Entry e) {
        if (e.names().get("en").isBlank()) {
            throw new IllegalArgumentException(file + ": " + e.code() + " has no English name");
        }
        if (into.put(e.code(), e) != null) {
            throw new IllegalArgumentException(file + " names " + e.code() + " twice");
        }
    }

    private static String code(String cell, Pattern pattern, String file) {
        if (!pattern.matcher(cell).matches()) {
            throw new IllegalArgumentException(file + ": '" + cell + "' is not a code");
        }
        return cell;
    }

    /** Lines after the header, split on commas (the files keep names comma-free, as catalogues/README.md says). */
    private static List<String[]> rows(String file, List<String> lines, String header, int columns) {
        if (lines.isEmpty() || !lines.get(0).strip().equals(header)) {
            throw new IllegalArgumentException(file + " must start with the header " + header);
        }
        return lines.subList(1, lines.size()).stream().map(String::strip).filter(l -> !l.isEmpty()).map(l -> {
            String[] cells = l.split(",", -1);
            if (cells.length != columns) {
                throw new IllegalArgumentException(file + ": the line '" + l + "' does not have " + columns + " columns");
            }
            return cells;
        }).toList();
    }

    private static List<String> lines(String file) {
        try (InputStream in = CodeCatalogue.class.getClassLoader().getResourceAsStream("catalogues/" + file)) {
            if (in == null) {
                throw new IllegalStateException("catalogues/" + file + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("catalogues/" + file + " could not be read", e);
        }
    }
}
