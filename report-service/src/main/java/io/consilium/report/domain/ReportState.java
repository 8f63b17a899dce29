package io.consilium.report.domain;

/** DRAFT -> SUBMITTED -> CHANGES_REQUESTED -> (resubmitted) SUBMITTED -> APPROVED -> RELEASED. */
public enum ReportState {
    DRAFT, SUBMITTED, CHANGES_REQUESTED, APPROVED, RELEASED
}
