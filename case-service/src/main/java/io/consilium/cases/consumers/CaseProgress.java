package io.consilium.cases.consumers;

import io.consilium.cases.domain.CaseState;
import io.consilium.cases.domain.ReportApproval;
import io.consilium.cases.domain.ReportOutcome;
import io.consilium.cases.domain.SlaClock;
import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.events.CaseEvents;
import io.consilium.cases.events.ReportDelivered;
import io.consilium.cases.service.CaseWorkflow;
import io.consilium.cases.service.IncomingTenant;
import io.consilium.cases.service.SlaClocks;
import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.consumer.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.util.EnumSet;
import java.util.UUID;

import static io.consilium.cases.consumers.IncomingTypes.*;

/**
 * Moves cases with the other services' events, each exactly once: a panel assembled starts the review, all
 * panel reports approved make the report ready, released reports deliver it. An event that no longer fits the
 * case's state (e.g. the case was cancelled meanwhile) changes nothing and is logged, not retried.
 */
@ApplicationScoped
public class CaseProgress {

    private static final Logger LOG = Logger.getLogger(CaseProgress.class);
    static final String CONSUMER = "case-progress";

    private final CaseWorkflow workflow;
    private final SlaClocks clocks;

    CaseProgress(CaseWorkflow workflow, SlaClocks clocks) {
        this.workflow = workflow;
        this.clocks = clocks;
    }

    /** Applies one event, in the transaction {@code IncomingRecords} opened for it after the inbox check. */
    public void apply(Delivery delivery) {
        IncomingEvent event = delivery.event();
        SmoCase c = SmoCase.findById(delivery.caseId(), LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            LOG.warnf("Event %s names an unknown case", event.id());
            return;
        }
        // refused after the case is loaded anyway; the rollback takes the inbox row with it
        IncomingTenant.requireTenant(event, c.tenant);
        switch (event.type()) {
            case PANEL_ASSEMBLED -> {
                if (fits(c, event, EnumSet.of(CaseState.READY_FOR_REVIEW))) {
                    c.startReview(workflow.now());
                    readyIfWholePanelApproved(c); // approvals may have come first (another topic)
                }
            }
            case NO_CANDIDATE -> c.reviewFoundNoCandidate(workflow.now());
            case REPORT_APPROVED -> approved(c, delivery.payload(ReportApproved.class));
            case REPORT_RELEASED -> released(c, delivery.payload(ReportReleased.class), event);
            case REPORT_REOPENED -> reopened(c, delivery.payload(ReportReopened.class), event);
            default -> {
            }
        }
    }

    private void approved(SmoCase c, ReportApproved approval) {
        if (ReportApproval.findById(new ReportApproval.Key(c.id, approval.reportId())) == null) {
            ReportApproval a = new ReportApproval();
            a.caseId = c.id;
            a.reportId = approval.reportId();
            a.approvedAt = workflow.now();
            a.persist();
        }
        readyIfWholePanelApproved(c);
    }

    /**
     * A report went back to its specialist because the questions changed after it was submitted: its approval, if
     * any, no longer counts, and a case whose panel was all approved is under review again.
     */
    private void reopened(SmoCase c, ReportReopened reopened, IncomingEvent event) {
        ReportApproval.delete("caseId = ?1 and reportId = ?2", c.id, reopened.reportId());
        if (c.state == CaseState.REPORT_READY) {
            c.reopenReview(workflow.now());
        } else {
            fits(c, event, EnumSet.of(CaseState.IN_REVIEW));
        }
    }

    private void readyIfWholePanelApproved(SmoCase c) {
        if (c.state == CaseState.IN_REVIEW && c.panelSize != null
                && ReportApproval.count("caseId", c.id) >= c.panelSize) {
            c.markReportReady(workflow.now());
        }
    }

    private void released(SmoCase c, ReportReleased release, IncomingEvent event) {
        if (!fits(c, event, EnumSet.of(CaseState.READY_FOR_REVIEW, CaseState.IN_REVIEW, CaseState.REPORT_READY))) {
            return;
        }
        for (ReleasedReport r : release.reports()) {
            if (ReportOutcome.findById(new ReportOutcome.Key(c.id, r.reportId())) != null) {
                continue;
            }
            ReportOutcome o = new ReportOutcome();
            o.caseId = c.id;
            o.reportId = r.reportId();
            o.diagnosisAssessment = r.diagnosisAssessment() == null ? "UNKNOWN" : r.diagnosisAssessment();
            o.surgeryNecessary = r.surgeryNecessary() == null ? "UNCERTAIN" : r.surgeryNecessary();
            o.treatmentChanged = Boolean.TRUE.equals(r.treatmentChanged());
            o.releasedAt = release.releasedAt() != null ? release.releasedAt() : workflow.now();
            o.persist();
        }
        c.deliverReport(workflow.now());
        clocks.stop(c, SlaClock.Kind.REVIEW);
        workflow.publish(c, CaseEvents.REPORT_DELIVERED, new ReportDelivered(c.id, c.tenant, workflow.now()));
    }

    private static boolean fits(SmoCase c, IncomingEvent event, EnumSet<CaseState> states) {
        if (states.contains(c.state)) {
            return true;
        }
        LOG.warnf("Event %s (%s) ignored: case %s is %s", event.id(), event.type(), c.id, c.state);
        return false;
    }

    static boolean handles(String type) {
        return PANEL_ASSEMBLED.equals(type) || NO_CANDIDATE.equals(type) || REPORT_APPROVED.equals(type)
                || REPORT_RELEASED.equals(type) || REPORT_REOPENED.equals(type);
    }

}
