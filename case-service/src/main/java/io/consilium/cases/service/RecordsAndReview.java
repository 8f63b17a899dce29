package io.consilium.cases.service;

import io.consilium.cases.domain.CaseAction;
import io.consilium.cases.domain.Consent;
import io.consilium.cases.domain.ConsentPurpose;
import io.consilium.cases.domain.Plan;
import io.consilium.cases.domain.ReviewTerms;
import io.consilium.cases.domain.SlaClock;
import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.events.BriefChanged;
import io.consilium.cases.events.CaseEvents;
import io.consilium.cases.events.RecordsCompleted;
import io.consilium.cases.events.RecordsRequested;
import io.consilium.cases.events.ReviewRequested;
import io.consilium.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The personal doctor's steps from records to review: ask for records, mark them complete, ask for specialists. */
@ApplicationScoped
public class RecordsAndReview {

    private final CaseWorkflow workflow;
    private final SlaClocks clocks;

    RecordsAndReview(CaseWorkflow workflow, SlaClocks clocks) {
        this.workflow = workflow;
        this.clocks = clocks;
    }

    @Transactional
    public SmoCase requestRecords(Caller caller, UUID caseId, String ifMatch, List<RecordsRequested.Item> items) {
        SmoCase c = workflow.begin(caller, caseId, ifMatch, CaseAction.REQUEST_RECORDS);
        c.requestRecords(workflow.now());
        workflow.publish(c, CaseEvents.RECORDS_REQUESTED,
                new RecordsRequested(c.id, c.tenant, List.copyOf(items), caller.subject(), workflow.now()));
        workflow.audit(caller, c, "REQUEST_RECORDS", "care");
        return c;
    }

    @Transactional
    public SmoCase completeRecords(Caller caller, UUID caseId, String ifMatch) {
        SmoCase c = workflow.begin(caller, caseId, ifMatch, CaseAction.COMPLETE_RECORDS);
        c.completeRecords(workflow.now());
        clocks.stop(c, SlaClock.Kind.RECORDS);
        workflow.publish(c, CaseEvents.RECORDS_COMPLETED, new RecordsCompleted(c.id, c.tenant, workflow.now()));
        workflow.audit(caller, c, "COMPLETE_RECORDS", "care");
        return c;
    }

    /**
     * Needs the patient's consent to share records with specialists; the panel size must fit the plan; the
     * countries are the plan's narrowed by the consent's.
     */
    @Transactional
    public SmoCase requestReview(Caller caller, UUID caseId, String ifMatch, String specialty, String subspecialty,
                                 int panelSize) {
        SmoCase c = workflow.begin(caller, caseId, ifMatch, CaseAction.REQUEST_REVIEW);
        Instant now = workflow.now(); // one instant for the step: the case, its clock and its event agree
        Plan plan = c.planId == null ? null : Plan.findById(c.planId);
        List<String> countries = ReviewTerms.allowedCountries(plan, panelSize,
                Consent.activeFor(c.id, ConsentPurpose.RECORDS_TO_SPECIALISTS));
        String reviewSpecialty = specialty != null ? specialty : c.requestedSpecialty;
        c.requestReview(reviewSpecialty, subspecialty, panelSize, now);
        // the brief leads the request, so a specialist invited by it finds the brief already there
        c.shareBrief(now);
        workflow.publish(c, CaseEvents.BRIEF_CHANGED, BriefChanged.of(c, now));
        clocks.start(c, SlaClock.Kind.REVIEW, now);
        SlaClock review = SlaClock.find("caseId = ?1 and kind = ?2", c.id, SlaClock.Kind.REVIEW).firstResult();
        workflow.publish(c, CaseEvents.REVIEW_REQUESTED, new ReviewRequested(c.id, c.tenant, reviewSpecialty,
                subspecialty, c.diagnosisIcd10, c.preferredLanguage, c.countryOfResidence, c.treatingInstitution,
                panelSize, countries, c.urgency.name(), review == null ? null : review.dueAt(now), now));
        workflow.audit(caller, c, "REQUEST_REVIEW", "care");
        return c;
    }
}
