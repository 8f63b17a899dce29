package io.consilium.cases.service;

import io.consilium.cases.domain.PanelConcordance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Outcome figures for a tenant (or all tenants) and a period of case creation, computed by PostgreSQL.
 * Turnaround is submission to report delivery. Assessments, treatment changed and surgery avoided count cases by
 * the panel's consolidated verdict ({@link PanelConcordance}), not reports: "surgery avoided" is a case opened with
 * the reason SURGERY_OR_LIFELONG_CONSEQUENCES whose panel answers "surgery necessary: NO". Per-case lines and their
 * CSV are {@link CaseStatistics}.
 */
@ApplicationScoped
public class OutcomeStatistics {

    public record Turnaround(long delivered, Double medianDays, Double p90Days) {
    }

    public record Outcomes(String tenant, Instant from, Instant to, Map<String, Long> casesByState,
                           Turnaround turnaround, Map<String, Long> diagnosisAssessments,
                           long casesWithTreatmentChanged, long surgeryAvoided) {
    }

    private static final String SCOPE = " c.created_at >= :from and c.created_at < :to and (cast(:tenant as varchar) is null or c.tenant = :tenant) ";

    private final EntityManager em;

    OutcomeStatistics(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Outcomes compute(String tenant, Instant from, Instant to) {
        Map<String, Long> byState = new LinkedHashMap<>();
        for (Object[] row : rows("select c.state, count(*) from smo_case c where" + SCOPE
                + "group by c.state order by c.state", tenant, from, to)) {
            byState.put((String) row[0], ((Number) row[1]).longValue());
        }
        Object[] t = rows("""
                select count(*),
                       percentile_cont(0.5) within group (order by extract(epoch from c.report_delivered_at - c.submitted_at)),
                       percentile_cont(0.9) within group (order by extract(epoch from c.report_delivered_at - c.submitted_at))
                from smo_case c where c.report_delivered_at is not null and""" + SCOPE, tenant, from, to).get(0);
        Turnaround turnaround = new Turnaround(((Number) t[0]).longValue(), days(t[1]), days(t[2]));
        // per case, not per report: the panel's consolidated verdict (AJ's three confirming reports are one case)
        Map<String, Long> assessments = new LinkedHashMap<>();
        for (PanelConcordance.Assessment a : PanelConcordance.Assessment.values()) {
            assessments.put(a.name(), 0L);
        }
        Map<UUID, List<PanelConcordance.Opinion>> opinions = new LinkedHashMap<>();
        Map<UUID, Boolean> surgeryAsked = new LinkedHashMap<>();
        for (Object[] row : rows("""
                select o.case_id, o.diagnosis_assessment, o.surgery_necessary, o.treatment_changed,
                       c.reasons @> cast('["SURGERY_OR_LIFELONG_CONSEQUENCES"]' as jsonb)
                from report_outcome o join smo_case c on c.id = o.case_id where""" + SCOPE, tenant, from, to)) {
            UUID caseId = (UUID) row[0];
            opinions.computeIfAbsent(caseId, k -> new ArrayList<>())
                    .add(new PanelConcordance.Opinion((String) row[1], (String) row[2], Boolean.TRUE.equals(row[3])));
            surgeryAsked.put(caseId, Boolean.TRUE.equals(row[4]));
        }
        long treatmentChanged = 0;
        long surgeryAvoided = 0;
        for (Map.Entry<UUID, List<PanelConcordance.Opinion>> e : opinions.entrySet()) {
            PanelConcordance.Verdict v = PanelConcordance.of(e.getValue());
            if (v.assessment() != null) {
                assessments.merge(v.assessment().name(), 1L, Long::sum);
            }
            treatmentChanged += v.treatmentChanged() ? 1 : 0;
            surgeryAvoided += surgeryAsked.get(e.getKey()) && "NO".equals(v.surgeryNecessary()) ? 1 : 0;
        }
        return new Outcomes(tenant, from, to, byState, turnaround, assessments, treatmentChanged, surgeryAvoided);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String tenant, Instant from, Instant to) {
        return bind(em.createNativeQuery(sql), tenant, from, to).getResultList();
    }

    private static Query bind(Query q, String tenant, Instant from, Instant to) {
        return q.setParameter("from", from).setParameter("to", to).setParameter("tenant", tenant);
    }

    private static Double days(Object seconds) {
        return seconds == null ? null : Math.round(((Number) seconds).doubleValue() / 86_400 * 10) / 10.0;
    }
}
