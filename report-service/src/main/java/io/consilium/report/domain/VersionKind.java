package io.consilium.report.domain;

/** A version is either a submission of the report or an addendum answering a follow-up question. */
public enum VersionKind {
    SUBMISSION, ADDENDUM
}
