package io.consilium.report.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One view across a panel's reports: whether the specialists agree on the diagnosis assessment, on surgery and on
 * the recommended treatment (compared as normalised text: case, accents, punctuation and spacing ignored), and the
 * points on which they differ.
 */
public final class Consolidation {

    public static final String DIAGNOSIS_ASSESSMENT = "diagnosisAssessment";
    public static final String SURGERY_NECESSARY = "surgeryNecessary";
    public static final String RECOMMENDED_TREATMENT = "recommendedTreatment";

    public record Opinion(UUID reportId, String specialistSubject, ReportContent content) {
    }

    public record Point(String point, boolean agreed, Map<UUID, String> values) {
    }

    public record View(int reports, List<Point> points, List<String> differing) {
    }

    private Consolidation() {
    }

    public static View of(List<Opinion> opinions) {
        List<Point> points = List.of(
                point(DIAGNOSIS_ASSESSMENT, opinions, c -> c.diagnosisAssessment() == null ? null : c.diagnosisAssessment().name(), Function.identity()),
                point(SURGERY_NECESSARY, opinions, c -> c.surgeryNecessary() == null ? null : c.surgeryNecessary().name(), Function.identity()),
                point(RECOMMENDED_TREATMENT, opinions, ReportContent::recommendedTreatment, Consolidation::normalise));
        List<String> differing = new ArrayList<>();
        for (Point p : points) {
            if (!p.agreed()) {
                differing.add(p.point());
            }
        }
        return new View(opinions.size(), points, differing);
    }

    private static Point point(String name, List<Opinion> opinions, Function<ReportContent, String> value,
                               Function<String, String> comparable) {
        Map<UUID, String> values = new LinkedHashMap<>();
        String first = null;
        boolean agreed = !opinions.isEmpty();
        for (int i = 0; i < opinions.size(); i++) {
            String v = value.apply(opinions.get(i).content());
            values.put(opinions.get(i).reportId(), v);
            String c = v == null ? null : comparable.apply(v);
            if (c == null) {
                agreed = false;
            } else if (i == 0) {
                first = c;
            } else if (!c.equals(first)) {
                agreed = false;
            }
        }
        return new Point(name, agreed, values);
    }

    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
