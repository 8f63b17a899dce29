package io.consilium.report.service;

import io.consilium.platform.outbox.Outbox;
import io.consilium.platform.outbox.OutgoingEvent;
import io.consilium.report.domain.CaseFile;
import io.consilium.report.domain.Report;
import io.consilium.report.events.ReportEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Report deadlines (the plan's hours to report for the case's urgency, from the acceptance): a report still not
 * submitted past its deadline is flagged once and {@code consilium.report.overdue.v1} published, which puts it in
 * the case's timeline for the personal doctor and ops and lets notification-service remind the specialist. The
 * deadline does not refuse a late submission; the submission says it was late ({@code submitted.late}). Runs every
 * {@code consilium.reports.overdue-check-every}, one transaction per report; tests call {@link #flagOverdue()}.
 */
@ApplicationScoped
public class ReportDeadlines {

    private static final Logger LOG = Logger.getLogger(ReportDeadlines.class);

    private final Outbox outbox;
    private final Clock clock;

    ReportDeadlines(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(every = "${consilium.reports.overdue-check-every:5m}", identity = "report-overdue",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        flagOverdue();
    }

    /** @return how many reports were flagged overdue now */
    public int flagOverdue() {
        int flagged = 0;
        for (UUID reportId : due()) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> flag(reportId))) {
                    flagged++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("Report %s could not be checked against its deadline now: %s", reportId, e.getMessage());
            }
        }
        return flagged;
    }

    @Transactional
    List<UUID> due() {
        return Report.getEntityManager().createQuery("""
                        select r.id from Report r
                        where r.dueBy < :now and r.overdueAt is null and r.latestVersion = 0""", UUID.class)
                .setParameter("now", clock.instant())
                .getResultList();
    }

    private boolean flag(UUID reportId) {
        Report r = Report.findById(reportId, LockModeType.PESSIMISTIC_WRITE);
        CaseFile file = r == null ? null : CaseFile.findById(r.caseId);
        Instant now = clock.instant();
        if (r == null || (file != null && file.cancelled()) || !r.flagOverdue(now)) {
            return false;
        }
        String tenant = ReportWorkflow.tenantOf(file);
        outbox.append(new OutgoingEvent(ReportEvents.TOPIC, ReportEvents.OVERDUE, r.caseId.toString(), tenant,
                new ReportEvents.Overdue(r.caseId, tenant, r.id, r.specialistSubject, r.dueBy, now)));
        return true;
    }
}
