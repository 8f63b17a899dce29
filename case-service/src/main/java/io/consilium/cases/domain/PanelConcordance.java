package io.consilium.cases.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The panel's consolidated view of one case, from what each of its released reports concluded. Statistics count
 * cases, not reports: AJ's three experts confirming the diagnosis are one confirmed case, unanimously.
 *
 * <p>The rule, stated once (docs: case-service README, "Statistics per case"):
 * <ul>
 *   <li><b>Assessment</b>: the one every report gives is the panel's, {@link Agreement#UNANIMOUS}. Otherwise the
 *   panel is {@link Agreement#SPLIT} and its assessment is the one a strict majority gives (2 of 3); without a
 *   majority (1 against 1, or three different) it is the one furthest from the treating doctor's diagnosis
 *   (CHANGED before REFINED before CONFIRMED): a diagnosis counts as confirmed only when most experts confirm it,
 *   and one expert changing it is what the patient and the insurer must not miss.</li>
 *   <li><b>Treatment changed</b>: when at least half of the reports say the treatment changes (a tie counts as
 *   changed, for the same reason: "unchanged" needs a majority).</li>
 *   <li><b>Surgery necessary</b>: the answer a strict majority gives, else UNCERTAIN.</li>
 * </ul>
 * Reports whose assessment is not one of the three codes (older events without it) count as reports but give
 * no assessment; a case whose reports give none has assessment {@code null}.
 */
public final class PanelConcordance {

    public enum Assessment { CONFIRMED, REFINED, CHANGED }

    public enum Agreement { UNANIMOUS, SPLIT }

    /** What one released report concluded (report-service's {@code report.released} fields). */
    public record Opinion(String diagnosisAssessment, String surgeryNecessary, boolean treatmentChanged) {
    }

    /**
     * The panel's view: {@code reports} counted, the consolidated assessment and whether the panel agreed on it,
     * the surgery answer, treatment changed, and how many reports gave each assessment.
     */
    public record Verdict(int reports, Assessment assessment, Agreement agreement, String surgeryNecessary,
                          boolean treatmentChanged, Map<Assessment, Integer> assessments) {
    }

    private PanelConcordance() {
    }

    /** The panel's verdict, or {@code null} for a case without released reports. */
    public static Verdict of(List<Opinion> opinions) {
        if (opinions == null || opinions.isEmpty()) {
            return null;
        }
        Map<Assessment, Integer> counts = new EnumMap<>(Assessment.class);
        for (Assessment a : Assessment.values()) {
            counts.put(a, 0);
        }
        List<Assessment> given = new ArrayList<>();
        for (Opinion o : opinions) {
            Assessment a = parse(o.diagnosisAssessment());
            if (a != null) {
                counts.merge(a, 1, Integer::sum);
                given.add(a);
            }
        }
        int n = opinions.size();
        Assessment assessment = null;
        Agreement agreement = null;
        if (!given.isEmpty()) {
            boolean allSame = given.size() == n && given.stream().distinct().count() == 1;
            agreement = allSame ? Agreement.UNANIMOUS : Agreement.SPLIT;
            assessment = majority(counts, n);
            if (assessment == null) {
                // no majority: the assessment furthest from the original diagnosis that any expert gave
                for (Assessment a : List.of(Assessment.CHANGED, Assessment.REFINED, Assessment.CONFIRMED)) {
                    if (counts.get(a) > 0) {
                        assessment = a;
                        break;
                    }
                }
            }
        }
        long changed = opinions.stream().filter(Opinion::treatmentChanged).count();
        return new Verdict(n, assessment, agreement, surgery(opinions), changed * 2 >= n, counts);
    }

    private static Assessment majority(Map<Assessment, Integer> counts, int n) {
        for (Map.Entry<Assessment, Integer> e : counts.entrySet()) {
            if (e.getValue() * 2 > n) {
                return e.getKey();
            }
        }
        return null;
    }

    private static String surgery(List<Opinion> opinions) {
        int n = opinions.size();
        for (String answer : List.of("YES", "NO", "UNCERTAIN")) {
            long count = opinions.stream().filter(o -> Objects.equals(answer, o.surgeryNecessary())).count();
            if (count * 2 > n) {
                return answer;
            }
        }
        return "UNCERTAIN";
    }

    private static Assessment parse(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Assessment.valueOf(raw);
        } catch (IllegalArgumentException e) {
            return null; // "UNKNOWN" from an event without the field
        }
    }
}
