package io.consilium.cases.service;

import io.consilium.cases.domain.CaseOutcome;
import io.consilium.cases.domain.CaseOutcomeTotals;
import io.consilium.cases.domain.Consent;
import io.consilium.cases.domain.ConsentPurpose;
import io.consilium.cases.domain.FollowUp;
import io.consilium.cases.domain.PanelConcordance;
import io.consilium.cases.domain.ReportOutcome;
import io.consilium.cases.domain.SmoCase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Statistics per case for a tenant (or every tenant, for ops) and a period of submission: one line per case
 * submitted in [from, to), with the panel's consolidated verdict, and the totals over them.
 */
@ApplicationScoped
public class CaseStatistics {

    /** At most this many cases per request, so one export cannot hold a worker for minutes. */
    public static final int MAX_CASES = 10_000;

    public record Result(String tenant, Instant from, Instant to, CaseOutcomeTotals totals, List<CaseOutcome> cases) {
    }

    /**
     * @param tenant          the tenant, or null for all (ops only: the resource decides)
     * @param partnerReader   true when the reader is a partner: a case's outcome is shown only while the patient's
     *                        REPORT_TO_PARTNER consent is active (the totals count every case, as today)
     */
    @Transactional
    public Result compute(String tenant, Instant from, Instant to, boolean partnerReader) {
        List<SmoCase> cases = SmoCase.find("submittedAt >= :from and submittedAt < :to"
                        + (tenant == null ? "" : " and tenant = :tenant") + " order by submittedAt, id",
                tenant == null ? Parameters.with("from", from).and("to", to)
                        : Parameters.with("from", from).and("to", to).and("tenant", tenant))
                .range(0, MAX_CASES - 1).list();
        List<UUID> ids = cases.stream().map(c -> c.id).toList();
        Map<UUID, List<ReportOutcome>> reports = new HashMap<>();
        Map<UUID, String> followed = new HashMap<>();
        Set<UUID> consented = new HashSet<>();
        if (!ids.isEmpty()) {
            for (ReportOutcome o : ReportOutcome.<ReportOutcome>list("caseId in ?1", ids)) {
                reports.computeIfAbsent(o.caseId, k -> new ArrayList<>()).add(o);
            }
            // the latest recorded outcome wins: a later check-in knows better what the patient did
            for (FollowUp f : FollowUp.<FollowUp>list("caseId in ?1 and recordedAt is not null order by recordedAt", ids)) {
                followed.put(f.caseId, f.opinionFollowed);
            }
            if (partnerReader) {
                for (Consent consent : Consent.<Consent>list("caseId in ?1 and purpose = ?2 and revokedAt is null",
                        ids, ConsentPurpose.REPORT_TO_PARTNER)) {
                    consented.add(consent.caseId);
                }
            }
        }
        List<CaseOutcome> lines = new ArrayList<>();
        for (SmoCase c : cases) {
            List<ReportOutcome> released = reports.getOrDefault(c.id, List.of());
            Instant releasedAt = released.stream().map(o -> o.releasedAt).max(Instant::compareTo).orElse(null);
            List<PanelConcordance.Opinion> opinions = released.stream()
                    .map(o -> new PanelConcordance.Opinion(o.diagnosisAssessment, o.surgeryNecessary, o.treatmentChanged))
                    .toList();
            lines.add(CaseOutcome.of(c, opinions, releasedAt, followed.get(c.id)));
        }
        CaseOutcomeTotals totals = CaseOutcomeTotals.of(lines);
        List<CaseOutcome> shown = partnerReader
                ? lines.stream().map(l -> consented.contains(l.caseId()) ? l : l.withoutOutcome()).toList()
                : lines;
        return new Result(tenant, from, to, totals, shown);
    }
}
