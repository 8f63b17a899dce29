package io.consilium.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Case activity for the ops dashboard (issue 17), computed by PostgreSQL with group-by queries (no entity is
 * loaded): every case of each tenant in scope by its state now, and per UTC day of the last {@code days} days
 * (today included) the cases created and the cases closed. "Closed" is {@code closed_at}, which only the CLOSE
 * action sets (REPORT_DELIVERED or FOLLOW_UP to CLOSED); cancelled and rejected cases are not closed here.
 */
@ApplicationScoped
public class ActivityStatistics {

    public record Day(LocalDate date, long opened, long closed) {
    }

    /** {@code tenant} null: every tenant. */
    public record Activity(String tenant, LocalDate from, LocalDate to,
                           Map<String, Map<String, Long>> casesByTenant, List<Day> days) {
    }

    private static final String TENANT = " (cast(:tenant as varchar) is null or c.tenant = :tenant) ";

    private final EntityManager em;
    private final Clock clock;

    ActivityStatistics(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public Activity compute(String tenant, int days) {
        LocalDate to = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from = to.minusDays(days - 1L);
        Map<String, Map<String, Long>> byTenant = new TreeMap<>();
        if (tenant != null) {
            // a tenant in scope without cases is still listed, so the dashboard shows it as empty rather than absent
            byTenant.put(tenant, new TreeMap<>());
        }
        for (Object[] row : rows("select c.tenant, c.state, count(*) from smo_case c where" + TENANT
                + "group by c.tenant, c.state", tenant, null, null)) {
            byTenant.computeIfAbsent((String) row[0], k -> new TreeMap<>()).put((String) row[1], count(row[2]));
        }
        Map<LocalDate, Long> opened = perDay("created_at", tenant, from, to);
        Map<LocalDate, Long> closed = perDay("closed_at", tenant, from, to);
        List<Day> perDay = new ArrayList<>(days);
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            perDay.add(new Day(d, opened.getOrDefault(d, 0L), closed.getOrDefault(d, 0L)));
        }
        return new Activity(tenant, from, to, byTenant, perDay);
    }

    /** Cases per UTC day of {@code column} (a fixed column name, never input) within {@code [from, to]}. */
    private Map<LocalDate, Long> perDay(String column, String tenant, LocalDate from, LocalDate to) {
        String day = "to_char(c." + column + " at time zone 'UTC', 'YYYY-MM-DD')";
        Map<LocalDate, Long> counts = new LinkedHashMap<>();
        for (Object[] row : rows("select " + day + ", count(*) from smo_case c where c." + column + " >= :from and c."
                + column + " < :to and" + TENANT + "group by 1", tenant, from, to.plusDays(1))) {
            counts.put(LocalDate.parse((String) row[0]), count(row[1]));
        }
        return counts;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String tenant, LocalDate from, LocalDate to) {
        var query = em.createNativeQuery(sql).setParameter("tenant", tenant);
        if (from != null) {
            query.setParameter("from", from.atStartOfDay(ZoneOffset.UTC).toInstant())
                    .setParameter("to", to.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        return query.getResultList();
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
