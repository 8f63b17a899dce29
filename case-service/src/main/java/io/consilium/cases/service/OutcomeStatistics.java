package io.consilium.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Outcome figures for a tenant (or all tenants) and a period of case creation, computed by PostgreSQL.
 * Turnaround is submission to report delivery. "Surgery avoided" counts cases opened with the reason
 * SURGERY_OR_LIFELONG_CONSEQUENCES whose released reports all answer "surgery necessary: NO".
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
        Map<String, Long> assessments = new LinkedHashMap<>();
        for (String a : List.of("CONFIRMED", "REFINED", "CHANGED")) {
            assessments.put(a, 0L);
        }
        for (Object[] row : rows("select o.diagnosis_assessment, count(*) from report_outcome o join smo_case c on c.id = o.case_id where"
                + SCOPE + "group by o.diagnosis_assessment", tenant, from, to)) {
            assessments.put((String) row[0], ((Number) row[1]).longValue());
        }
        long treatmentChanged = count("select count(distinct o.case_id) from report_outcome o join smo_case c on c.id = o.case_id where o.treatment_changed and"
                + SCOPE, tenant, from, to);
        long surgeryAvoided = count("""
                select count(*) from smo_case c
                where c.reasons @> cast('["SURGERY_OR_LIFELONG_CONSEQUENCES"]' as jsonb)
                  and exists (select 1 from report_outcome o where o.case_id = c.id)
                  and not exists (select 1 from report_outcome o where o.case_id = c.id and o.surgery_necessary <> 'NO')
                  and""" + SCOPE, tenant, from, to);
        return new Outcomes(tenant, from, to, byState, turnaround, assessments, treatmentChanged, surgeryAvoided);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String tenant, Instant from, Instant to) {
        return bind(em.createNativeQuery(sql), tenant, from, to).getResultList();
    }

    private long count(String sql, String tenant, Instant from, Instant to) {
        return ((Number) bind(em.createNativeQuery(sql), tenant, from, to).getSingleResult()).longValue();
    }

    private static Query bind(Query q, String tenant, Instant from, Instant to) {
        return q.setParameter("from", from).setParameter("to", to).setParameter("tenant", tenant);
    }

    private static Double days(Object seconds) {
        return seconds == null ? null : Math.round(((Number) seconds).doubleValue() / 86_400 * 10) / 10.0;
    }
}
