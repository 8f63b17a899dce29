package io.consilium.cases.service;

import io.consilium.cases.domain.CaseAction;
import io.consilium.cases.domain.Consent;
import io.consilium.cases.domain.ConsentPurpose;
import io.consilium.cases.domain.CountryRules;
import io.consilium.cases.domain.PanelCountries;
import io.consilium.cases.domain.ReviewSeat;
import io.consilium.cases.domain.Plan;
import io.consilium.cases.domain.RecordsChecklist;
import io.consilium.cases.domain.RecordsCompletion;
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
import java.util.ArrayList;
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
    /**
     * Refused (409 with the open items) while document-service's checklist has an open required item, unless the
     * doctor gives a reason to override; the override is kept on the case and published with the event.
     */
    public SmoCase completeRecords(Caller caller, UUID caseId, String ifMatch, String overrideReason) {
        SmoCase c = workflow.begin(caller, caseId, ifMatch, CaseAction.COMPLETE_RECORDS);
        Instant now = workflow.now();
        RecordsCompletion.Outcome outcome = c.completeRecords(RecordsChecklist.findById(c.id), overrideReason, now);
        clocks.stop(c, SlaClock.Kind.RECORDS);
        workflow.publish(c, CaseEvents.RECORDS_COMPLETED, new RecordsCompleted(c.id, c.tenant, now,
                outcome.overrideReason(), outcome.overriddenItems()));
        workflow.audit(caller, c, "COMPLETE_RECORDS", outcome.overridden() ? "care: override" : "care");
        return c;
    }

    /**
     * Needs the patient's consent to share records with specialists; the seats must fit the plan; the countries
     * are the plan's narrowed by the consent's and then by the request's rules; the deadlines are the plan's for
     * the case's urgency.
     */
    @Transactional
    public SmoCase requestReview(Caller caller, UUID caseId, String ifMatch, List<ReviewSeat> namedSeats,
                                 String specialty, Integer panelSize, String subspecialty, CountryRules rules) {
        SmoCase c = workflow.begin(caller, caseId, ifMatch, CaseAction.REQUEST_REVIEW);
        Instant now = workflow.now(); // one instant for the step: the case, its clock and its event agree
        Plan plan = c.planId == null ? null : Plan.findById(c.planId);
        List<ReviewSeat> seats = ReviewSeat.requested(namedSeats, specialty, panelSize, c.requestedSpecialty);
        ReviewTerms.Review review = ReviewTerms.check(plan, seats, namedSeats != null, rules,
                Consent.activeFor(c.id, ConsentPurpose.RECORDS_TO_SPECIALISTS), c.countryOfResidence, c.urgency);
        c.requestReview(seats, subspecialty, review.countries(), now);
        // the brief leads the request, so a specialist invited by it finds the brief already there
        c.shareBrief(now);
        workflow.publish(c, CaseEvents.BRIEF_CHANGED, BriefChanged.of(c, now));
        clocks.start(c, SlaClock.Kind.REVIEW, now);
        SlaClock clock = SlaClock.find("caseId = ?1 and kind = ?2", c.id, SlaClock.Kind.REVIEW).firstResult();
        List<ReviewRequested.Seat> announced = new ArrayList<>();
        for (int i = 0; i < seats.size(); i++) {
            announced.add(new ReviewRequested.Seat(i + 1, seats.get(i).specialty(), seats.get(i).focus()));
        }
        PanelCountries countries = review.countries();
        workflow.publish(c, CaseEvents.REVIEW_REQUESTED, new ReviewRequested(c.id, c.tenant, c.reviewSpecialty,
                subspecialty, c.diagnosisIcd10, c.preferredLanguage, c.countryOfResidence, c.treatingInstitution,
                seats.size(), countries.allowed(), c.urgency.name(), clock == null ? null : clock.dueAt(now), now,
                announced, countries.excluded(), countries.minOutsideResidence(),
                review.deadlines().acceptWithinHours(), review.deadlines().reportWithinHours()));
        workflow.audit(caller, c, "REQUEST_REVIEW", "care");
        return c;
    }
}
