package io.consilium.cases.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-case figures summed over a tenant and period. Every count is of cases. Concordance, treatment, surgery
 * and follow-up are counted over the cases with released reports; the time to report over the same cases.
 */
public record CaseOutcomeTotals(long cases, long reported, Map<String, Map<String, Long>> concordance,
                                long treatmentChanged, long surgeryAsked, long surgeryAvoided,
                                Map<String, Long> opinionFollowed, TimeToReport timeToReport) {

    /** Hours from submission to release over the reported cases: median and 90th percentile (nearest rank). */
    public record TimeToReport(long cases, Double medianHours, Double p90Hours) {
    }

    /**
     * Totals over lines as computed, before any outcome is withheld from a reader: the aggregate is what partners
     * already read today (counts, no case named).
     */
    public static CaseOutcomeTotals of(Collection<CaseOutcome> lines) {
        Map<String, Map<String, Long>> concordance = new LinkedHashMap<>();
        for (PanelConcordance.Assessment a : PanelConcordance.Assessment.values()) {
            Map<String, Long> byAgreement = new LinkedHashMap<>();
            for (PanelConcordance.Agreement g : PanelConcordance.Agreement.values()) {
                byAgreement.put(g.name(), 0L);
            }
            concordance.put(a.name(), byAgreement);
        }
        Map<String, Long> followed = new LinkedHashMap<>();
        for (FollowUp.OpinionFollowed f : FollowUp.OpinionFollowed.values()) {
            followed.put(f.name(), 0L);
        }
        followed.put("NOT_RECORDED", 0L);
        long reported = 0;
        long changed = 0;
        long asked = 0;
        long avoided = 0;
        List<Double> hours = new ArrayList<>();
        for (CaseOutcome line : lines) {
            if (Boolean.TRUE.equals(line.surgeryAsked())) {
                asked++;
            }
            if (line.reports() == null || line.reports() == 0) {
                continue;
            }
            reported++;
            if (line.assessment() != null) {
                concordance.get(line.assessment().name()).merge(line.agreement().name(), 1L, Long::sum);
            }
            changed += Boolean.TRUE.equals(line.treatmentChanged()) ? 1 : 0;
            avoided += Boolean.TRUE.equals(line.surgeryAvoided()) ? 1 : 0;
            followed.merge(line.opinionFollowed() == null ? "NOT_RECORDED" : line.opinionFollowed(), 1L, Long::sum);
            if (line.hoursToReport() != null) {
                hours.add(line.hoursToReport());
            }
        }
        hours.sort(Double::compare);
        TimeToReport time = new TimeToReport(hours.size(), rank(hours, 0.5), rank(hours, 0.9));
        return new CaseOutcomeTotals(lines.size(), reported, concordance, changed, asked, avoided, followed, time);
    }

    private static Double rank(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
