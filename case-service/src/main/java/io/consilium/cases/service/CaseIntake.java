package io.consilium.cases.service;

import io.consilium.cases.domain.CaseAction;
import io.consilium.cases.domain.Eligibility;
import io.consilium.cases.domain.Intake;
import io.consilium.cases.domain.Opener;
import io.consilium.cases.domain.SlaClock;
import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.events.CaseEvents;
import io.consilium.cases.events.CaseRejected;
import io.consilium.cases.events.CaseSubmitted;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Opening and submitting cases. Opening refuses a member who is not eligible now (422 with the reason code,
 * nothing stored); submission checks eligibility again, since it can lapse in between: an eligible case is SUBMITTED (its records clock
 * starts and a personal doctor is assigned when one fits), an ineligible one ends REJECTED with the reason. Each
 * is one transaction with its events and audit record.
 */
@ApplicationScoped
public class CaseIntake {

    private final CaseWorkflow workflow;
    private final EligibilityCheck eligibility;
    private final ManagerAssignment assignment;
    private final SlaClocks clocks;
    private final CasePatients patients;

    CaseIntake(CaseWorkflow workflow, EligibilityCheck eligibility, ManagerAssignment assignment, SlaClocks clocks,
               CasePatients patients) {
        this.workflow = workflow;
        this.eligibility = eligibility;
        this.assignment = assignment;
        this.clocks = clocks;
        this.patients = patients;
    }

    /** Opens a case for the member and patient account the caller may open it for ({@link CasePatients}). */
    @Transactional
    public SmoCase open(Caller caller, Intake requested) {
        String role = caller.is(Roles.PARTNER) ? Roles.PARTNER : Roles.PATIENT;
        String tenant = caller.requireTenant();
        CasePatients.Owner owner = patients.ownerOfNewCase(caller, requested.memberId(), requested.patientId());
        Intake intake = requested.ownedBy(owner.memberId(), owner.patientId());
        Instant now = workflow.now();
        Eligibility.Decision decision = eligibility.checkNew(tenant, intake.memberId(), intake.requestedSpecialty(), now);
        if (!decision.eligible()) {
            // the transaction rolls back: no case, and no account link learnt on the way
            throw Eligibility.refusedAtOpening(decision.refusal());
        }
        SmoCase opened = SmoCase.open(intake, new Opener(caller.subject(), role, tenant), now);
        opened.persist();
        workflow.audit(caller, opened, "CREATE", "intake");
        return opened;
    }

    @Transactional
    public SmoCase submit(Caller caller, UUID id, String ifMatch) {
        SmoCase c = workflow.begin(caller, id, ifMatch, CaseAction.SUBMIT);
        Instant now = workflow.now(); // one instant for the step: eligibility, state, clock and events agree
        Eligibility.Decision decision = eligibility.check(c, now);
        c.submit(now);
        if (!decision.eligible()) {
            c.reject(decision.refusal(), now);
            workflow.publish(c, CaseEvents.REJECTED, new CaseRejected(c.id, c.tenant,
                    decision.refusal().reason().name(), decision.refusal().detail(), now));
            workflow.audit(caller, c, "SUBMIT", "intake: rejected " + decision.refusal().reason());
            return c;
        }
        c.planId = decision.plan().id;
        workflow.publish(c, CaseEvents.SUBMITTED, CaseSubmitted.of(c));
        clocks.start(c, SlaClock.Kind.RECORDS, now);
        assignment.assignAutomatically(c);
        workflow.audit(caller, c, "SUBMIT", "intake");
        return c;
    }
}
