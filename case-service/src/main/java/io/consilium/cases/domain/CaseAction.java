package io.consilium.cases.domain;

import java.util.EnumSet;
import java.util.Set;

import static io.consilium.cases.domain.CaseState.*;

/**
 * Everything that can happen to a case: from which states, to which state (or none: the state stays), and who
 * may trigger it. {@link CaseState} holds the graph; {@code CaseActionTest} checks that every action follows it.
 */
public enum CaseAction {
    SUBMIT(EnumSet.of(DRAFT), SUBMITTED, Actor.PATIENT, Actor.PARTNER),
    REJECT(EnumSet.of(SUBMITTED), REJECTED, Actor.SYSTEM),
    ASSIGN_MANAGER(EnumSet.of(SUBMITTED), MANAGER_ASSIGNED, Actor.SYSTEM, Actor.OPS),
    REASSIGN_MANAGER(EnumSet.of(MANAGER_ASSIGNED, COLLECTING_RECORDS, READY_FOR_REVIEW, IN_REVIEW, REPORT_READY,
            REPORT_DELIVERED, FOLLOW_UP), null, Actor.OPS),
    REQUEST_RECORDS(EnumSet.of(MANAGER_ASSIGNED, COLLECTING_RECORDS), COLLECTING_RECORDS, Actor.MANAGER),
    COMPLETE_RECORDS(EnumSet.of(COLLECTING_RECORDS), READY_FOR_REVIEW, Actor.MANAGER),
    REQUEST_REVIEW(EnumSet.of(READY_FOR_REVIEW), null, Actor.MANAGER),
    START_REVIEW(EnumSet.of(READY_FOR_REVIEW), IN_REVIEW, Actor.SYSTEM),
    MARK_REPORT_READY(EnumSet.of(IN_REVIEW), REPORT_READY, Actor.SYSTEM),
    /**
     * report-service sent an approved report back to its specialist (the questions changed after approval): the
     * case is under review again until the whole panel is approved once more.
     */
    REOPEN_REVIEW(EnumSet.of(REPORT_READY), IN_REVIEW, Actor.SYSTEM),
    DELIVER_REPORT(EnumSet.of(REPORT_READY), REPORT_DELIVERED, Actor.SYSTEM),
    RECORD_DISCUSSION(EnumSet.of(REPORT_DELIVERED, FOLLOW_UP), null, Actor.MANAGER),
    // once: a second call would add another set of check-ins (409 instead)
    SCHEDULE_FOLLOW_UPS(EnumSet.of(REPORT_DELIVERED), FOLLOW_UP, Actor.MANAGER),
    RECORD_FOLLOW_UP(EnumSet.of(FOLLOW_UP), null, Actor.MANAGER),
    /** Follow-up outcomes are clinical: the patient and the personal doctor read them, in any state. */
    READ_FOLLOW_UPS(EnumSet.allOf(CaseState.class), null, Actor.PATIENT, Actor.MANAGER),
    CLOSE(EnumSet.of(REPORT_DELIVERED, FOLLOW_UP), CLOSED, Actor.MANAGER, Actor.OPS),
    CANCEL(EnumSet.of(DRAFT, SUBMITTED, MANAGER_ASSIGNED, COLLECTING_RECORDS, READY_FOR_REVIEW), CANCELLED,
            Actor.PATIENT, Actor.PARTNER, Actor.MANAGER, Actor.OPS),
    PAUSE_SLA(EnumSet.of(MANAGER_ASSIGNED, COLLECTING_RECORDS, READY_FOR_REVIEW, IN_REVIEW, REPORT_READY), null,
            Actor.MANAGER),
    RESUME_SLA(EnumSet.of(MANAGER_ASSIGNED, COLLECTING_RECORDS, READY_FOR_REVIEW, IN_REVIEW, REPORT_READY), null,
            Actor.MANAGER),
    GRANT_CONSENT(EnumSet.of(DRAFT, SUBMITTED, MANAGER_ASSIGNED, COLLECTING_RECORDS, READY_FOR_REVIEW, IN_REVIEW,
            REPORT_READY, REPORT_DELIVERED, FOLLOW_UP), null, Actor.PATIENT),
    /** Revocation is always possible, whatever the state: it cuts access at once. */
    REVOKE_CONSENT(EnumSet.allOf(CaseState.class), null, Actor.PATIENT),
    /**
     * Reasons and questions: the patient until the review is requested (checked by {@link QuestionEdit}), the
     * personal doctor until the reports are in.
     */
    EDIT_QUESTIONS(EnumSet.of(DRAFT, SUBMITTED, MANAGER_ASSIGNED, COLLECTING_RECORDS, READY_FOR_REVIEW, IN_REVIEW),
            null, Actor.PATIENT, Actor.MANAGER),
    TRANSLATE_QUESTION(EnumSet.of(MANAGER_ASSIGNED, COLLECTING_RECORDS, READY_FOR_REVIEW, IN_REVIEW), null,
            Actor.MANAGER),
    /** The history, age band and sex the personal doctor writes for the specialists' brief. */
    DESCRIBE_BACKGROUND(EnumSet.of(MANAGER_ASSIGNED, COLLECTING_RECORDS, READY_FOR_REVIEW, IN_REVIEW), null,
            Actor.MANAGER),
    POST_MESSAGE(EnumSet.of(SUBMITTED, MANAGER_ASSIGNED, COLLECTING_RECORDS, READY_FOR_REVIEW, IN_REVIEW,
            REPORT_READY, REPORT_DELIVERED, FOLLOW_UP), null, Actor.PATIENT, Actor.MANAGER);

    /** Who may trigger an action, by role and relation to the case. */
    public enum Actor {
        /** the patient of the case */
        PATIENT,
        /** the partner of the case's tenant */
        PARTNER,
        /** the case's assigned personal doctor */
        MANAGER,
        /** internal operations */
        OPS,
        /** the service itself, reacting to events or rules; never an API caller */
        SYSTEM
    }

    private final Set<CaseState> from;
    private final CaseState to;
    private final Set<Actor> actors;

    CaseAction(Set<CaseState> from, CaseState to, Actor first, Actor... rest) {
        this.from = from;
        this.to = to;
        this.actors = EnumSet.of(first, rest);
    }

    public boolean allowedIn(CaseState state) {
        return from.contains(state);
    }

    /** The state after the action, or {@code current} for actions that keep the state. */
    public CaseState target(CaseState current) {
        return to == null ? current : to;
    }

    public Set<CaseState> from() {
        return from;
    }

    public boolean mayBeTriggeredBy(Actor actor) {
        return actors.contains(actor);
    }

    public Set<Actor> actors() {
        return actors;
    }
}
