package io.consilium.cases.service;

import io.consilium.cases.domain.CaseAction;
import io.consilium.cases.domain.Plan;
import io.consilium.cases.domain.SlaClock;
import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.events.CaseEvents;
import io.consilium.cases.events.SlaStatusChanged;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Caller;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts, pauses, resumes and stops the SLA clocks of cases, and re-evaluates the running ones on a schedule so
 * at-risk and breached cases show up in the ops queue.
 */
@ApplicationScoped
public class SlaClocks {

    private static final Logger LOG = Logger.getLogger(SlaClocks.class);

    private final CaseWorkflow workflow;

    SlaClocks(CaseWorkflow workflow) {
        this.workflow = workflow;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    /** Starts the clock at {@code now}, the instant of the step that starts it. */
    public void start(SmoCase c, SlaClock.Kind kind, Instant now) {
        Plan plan = c.planId == null ? null : Plan.findById(c.planId);
        if (plan == null || SlaClock.count("caseId = ?1 and kind = ?2", c.id, kind) > 0) {
            return;
        }
        int budget = kind == SlaClock.Kind.RECORDS ? plan.recordsSlaBusinessDays : plan.reviewSlaBusinessDays;
        SlaClock.start(c.id, kind, budget, now, plan.holidayDates()).persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void stop(SmoCase c, SlaClock.Kind kind) {
        find(c.id, kind).ifPresent(clock -> clock.stop(workflow.now()));
    }

    /** The personal doctor waits on the patient: every running clock of the case stops counting. */
    @Transactional
    public List<SlaClock> pause(Caller caller, UUID caseId) {
        SmoCase c = workflow.begin(caller, caseId, null, CaseAction.PAUSE_SLA);
        List<SlaClock> running = running(c.id);
        if (running.isEmpty()) {
            throw new ProblemException.Conflict("The case has no running SLA clock");
        }
        running.forEach(clock -> clock.pause(workflow.now()));
        workflow.audit(caller, c, "PAUSE_SLA", "waiting on the patient");
        return running;
    }

    @Transactional
    public List<SlaClock> resume(Caller caller, UUID caseId) {
        SmoCase c = workflow.begin(caller, caseId, null, CaseAction.RESUME_SLA);
        List<SlaClock> paused = running(c.id).stream().filter(SlaClock::paused).toList();
        if (paused.isEmpty()) {
            throw new ProblemException.Conflict("The case has no paused SLA clock");
        }
        paused.forEach(clock -> clock.resume(workflow.now()));
        workflow.audit(caller, c, "RESUME_SLA", "patient answered");
        return paused;
    }

    public List<SlaClock> ofCase(UUID caseId) {
        return SlaClock.list("caseId = ?1 order by startedAt", caseId);
    }

    @Scheduled(every = "${consilium.sla.evaluate-every:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledEvaluation() {
        int changed = evaluateAll();
        if (changed > 0) {
            LOG.infof("SLA evaluation: %d clock(s) changed status", changed);
        }
    }

    /**
     * Re-evaluates every running clock; a clock that goes AT_RISK or BREACHED is published, in the same
     * transaction, as {@code sla-status-changed}.
     *
     * @return how many running clocks changed status
     */
    @Transactional
    public int evaluateAll() {
        int changed = 0;
        Instant now = workflow.now();
        for (SlaClock clock : SlaClock.<SlaClock>list("stoppedAt is null")) {
            if (clock.evaluate(now)) {
                changed++;
                if (clock.status == SlaClock.Status.AT_RISK || clock.status == SlaClock.Status.BREACHED) {
                    SmoCase c = SmoCase.findById(clock.caseId);
                    workflow.publish(c, CaseEvents.SLA_STATUS_CHANGED, new SlaStatusChanged(c.id, c.tenant,
                            clock.kind.name(), clock.status.name(), clock.dueAt(now), now));
                }
            }
        }
        return changed;
    }

    private static List<SlaClock> running(UUID caseId) {
        return SlaClock.list("caseId = ?1 and stoppedAt is null", caseId);
    }

    private static Optional<SlaClock> find(UUID caseId, SlaClock.Kind kind) {
        return SlaClock.find("caseId = ?1 and kind = ?2", caseId, kind).firstResultOptional();
    }
}
