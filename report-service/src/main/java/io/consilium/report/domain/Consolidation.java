package io.consilium.report.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * One view across a panel's reports, point by point: the diagnosis assessment, the diagnosis (by ICD-10 code),
 * surgery, the recommended treatment and the alternatives (by treatment code), the tests to add and to stop (by
 * test code) and the medications (by ATC code). Codes are what is compared: two experts who chose the same code
 * agree whatever words they wrote beside it. Where no code was given, free text is compared after normalisation
 * (case, accents, punctuation and spacing ignored) and only the same words count as agreement; other words are
 * {@link Outcome#NOT_COMPARABLE}, never a false agreement nor a false difference (the same treatment may be written
 * in other words). Each point says who said what ({@link Position}), and for sets which expert named each code.
 */
public final class Consolidation {

    public static final String DIAGNOSIS_ASSESSMENT = "diagnosisAssessment";
    public static final String DIAGNOSIS = "diagnosis";
    public static final String SURGERY_NECESSARY = "surgeryNecessary";
    public static final String RECOMMENDED_TREATMENT = "recommendedTreatment";
    public static final String ALTERNATIVES = "alternatives";
    public static final String TESTS_TO_ADD = "testsToAdd";
    public static final String TESTS_TO_STOP = "testsToStop";
    public static final String MEDICATIONS = "medications";

    /**
     * AGREED: every expert said the same (by code, or in the same words where none gave a code; for a set: the same
     * codes, none also being an empty set). PARTLY_AGREED: some said the same and others something else or nothing
     * (see the positions), or a set's codes agree but some entries have no code. DIFFERING: no two said the same.
     * NOT_COMPARABLE: free text without codes in other words, or too few answers to compare.
     */
    public enum Outcome { AGREED, PARTLY_AGREED, DIFFERING, NOT_COMPARABLE }

    /** What the comparison rested on: codes (or the fixed values of assessment and surgery), or free text. */
    public enum Basis { CODE, TEXT }

    /** One report's part: {@code specialistName} may be null (older reports: only the subject is known). */
    public record Opinion(UUID reportId, String specialistSubject, String specialistName, ReportContent content) {
        public Opinion(UUID reportId, String specialistSubject, ReportContent content) {
            this(reportId, specialistSubject, null, content);
        }

        String who() {
            return specialistName != null && !specialistName.isBlank() ? specialistName : specialistSubject;
        }
    }

    /**
     * What one expert said on a point: the code (or fixed value) and the free text beside it, for a set the codes
     * and the entries without a code; {@code reason} is the expert's why where the report has one for the point
     * (surgery's rationale, why the opinion differs for the diagnosis).
     */
    public record Position(UUID reportId, String specialist, String code, String text, List<String> codes,
                           List<String> uncoded, String reason) {
    }

    /** One code of a set point and the reports that named it (AGREED: all of them; PARTLY_AGREED: some). */
    public record Item(String code, Outcome outcome, List<UUID> namedBy, List<String> namedByNames) {
    }

    /**
     * One point. {@code question}: the standard question it answers, where one does (DIAGNOSIS_CORRECT,
     * SURGERY_NECESSARY, ALTERNATIVES), else null. {@code agreed} and {@code values} (report id to the compared
     * value) are as before issue 13, for readers of the older view.
     */
    public record Point(String point, String question, Outcome outcome, Basis basis, boolean agreed,
                        Map<UUID, String> values, List<Position> positions, List<Item> items) {
    }

    /**
     * {@code differing}: the points on which the experts did not all agree (DIFFERING or PARTLY_AGREED);
     * {@code notComparable}: the points compared on free text in other words.
     */
    public record View(int reports, List<Point> points, List<String> differing, List<String> notComparable) {
    }

    private Consolidation() {
    }

    public static View of(List<Opinion> opinions) {
        List<Point> points = List.of(
                scalar(DIAGNOSIS_ASSESSMENT, "DIAGNOSIS_CORRECT", opinions,
                        c -> c.diagnosisAssessment() == null ? null : c.diagnosisAssessment().name(), c -> null,
                        ReportContent::whyDifferent),
                scalar(DIAGNOSIS, "DIAGNOSIS_CORRECT", opinions, ReportContent::diagnosisIcd10,
                        ReportContent::diagnosis, ReportContent::whyDifferent),
                scalar(SURGERY_NECESSARY, "SURGERY_NECESSARY", opinions,
                        c -> c.surgeryNecessary() == null ? null : c.surgeryNecessary().name(), c -> null,
                        ReportContent::surgeryRationale),
                scalar(RECOMMENDED_TREATMENT, null, opinions, ReportContent::recommendedTreatmentCode,
                        ReportContent::recommendedTreatment, c -> null),
                set(ALTERNATIVES, "ALTERNATIVES", opinions,
                        c -> c.alternatives().stream().map(ReportContent.Alternative::treatmentCode).filter(Objects::nonNull).toList(),
                        c -> c.alternatives().stream().filter(a -> a.treatmentCode() == null).map(ReportContent.Alternative::treatment).toList()),
                set(TESTS_TO_ADD, null, opinions,
                        c -> c.testsToAddCoded().stream().map(ReportContent.CodedTest::code).toList(), ReportContent::testsToAdd),
                set(TESTS_TO_STOP, null, opinions,
                        c -> c.testsToStopCoded().stream().map(ReportContent.CodedTest::code).toList(), ReportContent::testsToStop),
                set(MEDICATIONS, null, opinions,
                        c -> c.medicationsAtc().stream().map(ReportContent.CodedMedication::atc).toList(), ReportContent::medications));
        List<String> differing = new ArrayList<>();
        List<String> notComparable = new ArrayList<>();
        for (Point p : points) {
            if (p.outcome() == Outcome.DIFFERING || p.outcome() == Outcome.PARTLY_AGREED) {
                differing.add(p.point());
            } else if (p.outcome() == Outcome.NOT_COMPARABLE) {
                notComparable.add(p.point());
            }
        }
        return new View(opinions.size(), points, differing, notComparable);
    }

    /** A point with one value per report: a code (or fixed value), else free text. */
    private static Point scalar(String name, String question, List<Opinion> opinions,
                                Function<ReportContent, String> code, Function<ReportContent, String> text,
                                Function<ReportContent, String> reason) {
        Map<UUID, String> values = new LinkedHashMap<>();
        List<Position> positions = new ArrayList<>();
        Map<String, List<Opinion>> byCode = new LinkedHashMap<>();
        List<String> texts = new ArrayList<>();
        int uncodedText = 0;
        for (Opinion o : opinions) {
            String c = blankToNull(code.apply(o.content()));
            String t = blankToNull(text.apply(o.content()));
            positions.add(new Position(o.reportId(), o.who(), c, t, List.of(), List.of(), blankToNull(reason.apply(o.content()))));
            values.put(o.reportId(), c != null ? c : t);
            if (c != null) {
                byCode.computeIfAbsent(c, k -> new ArrayList<>()).add(o);
            } else if (t != null) {
                uncodedText++;
                texts.add(normalise(t));
            }
        }
        Outcome outcome;
        Basis basis = Basis.CODE;
        if (uncodedText > 0) {
            // Free text decides only where nobody gave a code, and only the same words agree.
            basis = Basis.TEXT;
            outcome = byCode.isEmpty() && uncodedText == opinions.size() && new LinkedHashSet<>(texts).size() == 1
                    ? Outcome.AGREED : Outcome.NOT_COMPARABLE;
        } else {
            outcome = grouped(opinions.size(), byCode.values().stream().mapToInt(List::size).boxed().toList());
        }
        return new Point(name, question, outcome, basis, outcome == Outcome.AGREED, values, positions, List.of());
    }

    /**
     * AGREED when every report is in one group; PARTLY_AGREED when at least two share a value and others differ or
     * are silent; DIFFERING when at least two answered and no two alike; NOT_COMPARABLE when fewer than two answered
     * (of several reports). A single report agrees with itself.
     */
    private static Outcome grouped(int reports, List<Integer> groupSizes) {
        int answered = groupSizes.stream().mapToInt(Integer::intValue).sum();
        int largest = groupSizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (reports > 0 && largest == reports) {
            return Outcome.AGREED;
        }
        if (answered < 2) {
            return Outcome.NOT_COMPARABLE;
        }
        return largest >= 2 ? Outcome.PARTLY_AGREED : Outcome.DIFFERING;
    }

    /** A point with a set of codes per report, and entries without a code beside them. */
    private static Point set(String name, String question, List<Opinion> opinions,
                             Function<ReportContent, Collection<String>> codes,
                             Function<ReportContent, Collection<String>> uncoded) {
        Map<UUID, String> values = new LinkedHashMap<>();
        List<Position> positions = new ArrayList<>();
        Map<String, List<Opinion>> byCode = new LinkedHashMap<>();
        List<Set<String>> codeSets = new ArrayList<>();
        List<Set<String>> textSets = new ArrayList<>();
        boolean anyUncoded = false;
        for (Opinion o : opinions) {
            Set<String> cs = new LinkedHashSet<>(codes.apply(o.content()));
            List<String> free = uncoded.apply(o.content()).stream().map(Consolidation::blankToNull).filter(Objects::nonNull).toList();
            anyUncoded |= !free.isEmpty();
            codeSets.add(cs);
            Set<String> normalised = new LinkedHashSet<>();
            free.forEach(f -> normalised.add(normalise(f)));
            textSets.add(normalised);
            cs.forEach(c -> byCode.computeIfAbsent(c, k -> new ArrayList<>()).add(o));
            positions.add(new Position(o.reportId(), o.who(), null, null, List.copyOf(cs), free, null));
            values.put(o.reportId(), String.join(",", cs));
        }
        List<Item> items = new ArrayList<>();
        byCode.forEach((code, named) -> items.add(new Item(code,
                named.size() == opinions.size() ? Outcome.AGREED : Outcome.PARTLY_AGREED,
                named.stream().map(Opinion::reportId).toList(), named.stream().map(Opinion::who).toList())));
        boolean sameCodes = codeSets.stream().distinct().count() <= 1;
        boolean shared = items.stream().anyMatch(i -> i.namedBy().size() >= 2);
        Outcome byCodes = opinions.isEmpty() ? Outcome.NOT_COMPARABLE : sameCodes ? Outcome.AGREED
                : shared ? Outcome.PARTLY_AGREED : Outcome.DIFFERING;
        Outcome outcome;
        Basis basis = Basis.CODE;
        if (!anyUncoded) {
            outcome = byCodes;
        } else if (byCode.isEmpty()) {
            basis = Basis.TEXT;
            outcome = textSets.stream().distinct().count() == 1 && opinions.size() > 0 ? Outcome.AGREED : Outcome.NOT_COMPARABLE;
        } else {
            // Codes to compare and entries without: what the codes say holds, but it is no full agreement.
            outcome = byCodes == Outcome.AGREED ? Outcome.PARTLY_AGREED : byCodes;
        }
        return new Point(name, question, outcome, basis, outcome == Outcome.AGREED, values, positions, items);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
