package io.consilium.cases.service;

import io.consilium.cases.domain.CaseAction;
import io.consilium.cases.domain.FollowUp;
import io.consilium.cases.domain.SlaClock;
import io.consilium.cases.domain.NetworkProvider;
import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.events.CaseCancelled;
import io.consilium.cases.events.CaseClosed;
import io.consilium.cases.events.CaseEvents;
import io.consilium.cases.events.FollowUpRecorded;
import io.consilium.cases.events.FollowUpScheduled;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import io.consilium.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** After the report: the discussion with the patient, follow-ups and their outcomes, closing; and cancelling. */
@ApplicationScoped
public class CaseClosure {

    /** Check-ins after the report when the personal doctor names none. */
    public static final List<Integer> DEFAULT_FOLLOW_UP_DAYS = List.of(30, 90, 180);

    private final CaseWorkflow workflow;
    private final TreatmentCodes treatments;

    CaseClosure(CaseWorkflow workflow, TreatmentCodes treatments) {
        this.workflow = workflow;
        this.treatments = treatments;
    }

    @Transactional
    public SmoCase recordDiscussion(Caller caller, UUID caseId, String ifMatch, String summary) {
        SmoCase c = workflow.begin(caller, caseId, ifMatch, CaseAction.RECORD_DISCUSSION);
        c.recordDiscussion(summary, workflow.now());
        workflow.audit(caller, c, "RECORD_DISCUSSION", "care");
        return c;
    }

    @Transactional
    public List<FollowUp> scheduleFollowUps(Caller caller, UUID caseId, String ifMatch, List<Integer> daysAfterReport) {
        SmoCase c = workflow.begin(caller, caseId, ifMatch, CaseAction.SCHEDULE_FOLLOW_UPS);
        c.scheduleFollowUps(workflow.now());
        List<Integer> days = daysAfterReport == null || daysAfterReport.isEmpty() ? DEFAULT_FOLLOW_UP_DAYS : daysAfterReport;
        List<FollowUp> planned = days.stream().distinct().sorted()
                .map(d -> FollowUp.plan(c.id, c.reportDeliveredAt.plus(Duration.ofDays(d))))
                .toList();
        planned.forEach(f -> {
            f.persist();
            workflow.publish(c, CaseEvents.FOLLOW_UP_SCHEDULED, new FollowUpScheduled(c.id, c.tenant, f.id, f.dueAt));
        });
        workflow.audit(caller, c, "SCHEDULE_FOLLOW_UPS", "care");
        return planned;
    }

    @Transactional
    public FollowUp recordFollowUp(Caller caller, UUID caseId, UUID followUpId, String treatment,
                                   FollowUp.OpinionFollowed followed, String providerId, String treatmentCode,
                                   String notes) {
        SmoCase c = workflow.begin(caller, caseId, null, CaseAction.RECORD_FOLLOW_UP);
        c.check(CaseAction.RECORD_FOLLOW_UP);
        FollowUp f = FollowUp.findById(followUpId);
        if (f == null || !f.caseId.equals(c.id)) {
            throw new ProblemException.NotFound("Follow-up " + followUpId);
        }
        treatments.requireKnown(treatmentCode);
        requireNetworkProvider(c, providerId, treatmentCode);
        f.record(treatment, followed, providerId, notes, caller.subject(), workflow.now());
        f.treatmentCode = treatmentCode;
        workflow.publish(c, CaseEvents.FOLLOW_UP_RECORDED, new FollowUpRecorded(c.id, c.tenant, f.id,
                treatment, treatmentCode, followed.name(), providerId, f.recordedAt));
        workflow.audit(caller, c, "RECORD_FOLLOW_UP", "care");
        return f;
    }

    /**
     * A provider the outcome names must be one of the case's tenant's network, and offer the coded treatment when
     * the outcome names one (as the provider's last provider-changed said): 422 naming the field.
     */
    private static void requireNetworkProvider(SmoCase c, String providerId, String treatmentCode) {
        if (providerId == null) {
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(providerId);
        } catch (IllegalArgumentException e) {
            id = null;
        }
        if (id == null || !NetworkProvider.inNetworkOf(c.tenant, id)) {
            throw new ProblemException.Unprocessable("providerId names no in-network provider of the case's tenant",
                    List.of(new Violation("providerId", "must be the id of an in-network provider of the case's tenant")));
        }
        if (treatmentCode != null && !NetworkProvider.<NetworkProvider>findById(id).offers(treatmentCode)) {
            throw new ProblemException.Unprocessable("The provider does not offer the treatment",
                    List.of(new Violation("treatmentCode", "is not a treatment the chosen provider offers")));
        }
    }

    @Transactional
    public List<FollowUp> followUps(Caller caller, UUID caseId) {
        // outcomes are clinical: the patient and the personal doctor only, whatever other roles the token has
        SmoCase c = workflow.authorize(caller, caseId, CaseAction.READ_FOLLOW_UPS);
        return FollowUp.list("caseId = ?1 order by dueAt", c.id);
    }

    @Transactional
    public SmoCase close(Caller caller, UUID caseId, String ifMatch) {
        SmoCase c = workflow.begin(caller, caseId, ifMatch, CaseAction.CLOSE);
        c.close(workflow.now());
        workflow.publish(c, CaseEvents.CLOSED, new CaseClosed(c.id, c.tenant, workflow.now()));
        workflow.audit(caller, c, "CLOSE", "care");
        return c;
    }

    @Transactional
    public SmoCase cancel(Caller caller, UUID caseId, String ifMatch, String reason) {
        SmoCase c = workflow.begin(caller, caseId, ifMatch, CaseAction.CANCEL);
        c.cancel(reason, workflow.now());
        SlaClock.<SlaClock>list("caseId = ?1 and stoppedAt is null", c.id).forEach(clock -> clock.stop(workflow.now()));
        workflow.publish(c, CaseEvents.CANCELLED, new CaseCancelled(c.id, c.tenant, reason, workflow.now()));
        workflow.audit(caller, c, "CANCEL", "intake");
        return c;
    }
}
