package io.consilium.cases.service;

import io.consilium.cases.domain.FollowUp;
import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.events.CaseEvents;
import io.consilium.cases.events.FollowUpDue;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Announces check-ins that fell due without an outcome, once each ({@code consilium.case.follow-up-due.v1}), on
 * the same schedule as the SLA clocks and on ops' request. Only cases still in FOLLOW_UP: a closed case's open
 * check-ins are nobody's task any more.
 */
@ApplicationScoped
public class FollowUpsDue {

    private static final Logger LOG = Logger.getLogger(FollowUpsDue.class);
    /** Rows per run; a longer backlog is taken by the next run. */
    static final int BATCH = 500;

    private final CaseWorkflow workflow;
    private final EntityManager em;

    FollowUpsDue(CaseWorkflow workflow, EntityManager em) {
        this.workflow = workflow;
        this.em = em;
    }

    @Scheduled(every = "${consilium.sla.evaluate-every:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledAnnouncement() {
        int announced = announceDue();
        if (announced > 0) {
            LOG.infof("Follow-ups: %d due check-in(s) announced", announced);
        }
    }

    /**
     * Marks every due, unrecorded, unannounced follow-up as announced and publishes it, in one transaction. The rows
     * are locked with {@code skip locked}: another instance running at the same time takes other rows (or none), and
     * a row it committed is no longer selected, so each follow-up is published once.
     *
     * @return how many follow-ups were announced
     */
    @Transactional
    public int announceDue() {
        Instant now = workflow.now();
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                        select f.id from follow_up f join smo_case c on c.id = f.case_id
                        where f.recorded_at is null and f.due_announced_at is null and f.due_at <= ?1
                          and c.state = 'FOLLOW_UP'
                        order by f.due_at, f.id limit ?2
                        for update of f skip locked""")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, BATCH)
                .getResultList();
        int announced = 0;
        for (UUID id : due) {
            FollowUp f = FollowUp.findById(id);
            if (f.announceDue(now)) {
                SmoCase c = SmoCase.findById(f.caseId);
                workflow.publish(c, CaseEvents.FOLLOW_UP_DUE, new FollowUpDue(c.id, c.tenant, f.id, f.dueAt, now));
                announced++;
            }
        }
        return announced;
    }
}
