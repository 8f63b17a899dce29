package io.consilium.cases.events;

/** Topic and CloudEvents types case-service publishes ({@code docs/events.md}). */
public final class CaseEvents {

    public static final String TOPIC = "consilium.case.events";
    /** The CloudEvents source of case-service's events ({@code consilium.outbox.source}). */
    public static final String SOURCE = "/case-service";

    public static final String SUBMITTED = "consilium.case.submitted.v1";
    public static final String REJECTED = "consilium.case.rejected.v1";
    public static final String MANAGER_ASSIGNED = "consilium.case.manager-assigned.v1";
    public static final String RECORDS_REQUESTED = "consilium.case.records-requested.v1";
    public static final String RECORDS_COMPLETED = "consilium.case.records-completed.v1";
    public static final String REVIEW_REQUESTED = "consilium.case.review-requested.v1";
    public static final String CONSENT_GRANTED = "consilium.case.consent-granted.v1";
    public static final String CONSENT_REVOKED = "consilium.case.consent-revoked.v1";
    public static final String CANCELLED = "consilium.case.cancelled.v1";
    public static final String REPORT_DELIVERED = "consilium.case.report-delivered.v1";
    public static final String FOLLOW_UP_SCHEDULED = "consilium.case.follow-up-scheduled.v1";
    public static final String FOLLOW_UP_DUE = "consilium.case.follow-up-due.v1";
    public static final String FOLLOW_UP_RECORDED = "consilium.case.follow-up-recorded.v1";
    public static final String CLOSED = "consilium.case.closed.v1";
    public static final String SLA_STATUS_CHANGED = "consilium.case.sla-status-changed.v1";
    public static final String PATIENT_LINKED = "consilium.case.patient-linked.v1";
    public static final String BRIEF_CHANGED = "consilium.case.brief-changed.v1";

    private CaseEvents() {
    }
}
