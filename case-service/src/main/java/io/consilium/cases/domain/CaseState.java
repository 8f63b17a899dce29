package io.consilium.cases.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a case ({@code docs/architecture.md}): the only place that says which state may follow which.
 */
public enum CaseState {
    DRAFT, SUBMITTED, MANAGER_ASSIGNED, COLLECTING_RECORDS, READY_FOR_REVIEW, IN_REVIEW, REPORT_READY,
    REPORT_DELIVERED, FOLLOW_UP, CLOSED, CANCELLED, REJECTED;

    private static final Map<CaseState, Set<CaseState>> NEXT = Map.ofEntries(
            Map.entry(DRAFT, EnumSet.of(SUBMITTED, CANCELLED)),
            Map.entry(SUBMITTED, EnumSet.of(MANAGER_ASSIGNED, REJECTED, CANCELLED)),
            Map.entry(MANAGER_ASSIGNED, EnumSet.of(COLLECTING_RECORDS, CANCELLED)),
            Map.entry(COLLECTING_RECORDS, EnumSet.of(READY_FOR_REVIEW, CANCELLED)),
            Map.entry(READY_FOR_REVIEW, EnumSet.of(IN_REVIEW, CANCELLED)),
            Map.entry(IN_REVIEW, EnumSet.of(REPORT_READY)),
            // back to review when report-service reopens a report for a question changed after its approval
            Map.entry(REPORT_READY, EnumSet.of(REPORT_DELIVERED, IN_REVIEW)),
            Map.entry(REPORT_DELIVERED, EnumSet.of(FOLLOW_UP, CLOSED)),
            Map.entry(FOLLOW_UP, EnumSet.of(CLOSED)),
            Map.entry(CLOSED, EnumSet.noneOf(CaseState.class)),
            Map.entry(CANCELLED, EnumSet.noneOf(CaseState.class)),
            Map.entry(REJECTED, EnumSet.noneOf(CaseState.class)));

    public boolean mayMoveTo(CaseState next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isTerminal() {
        return NEXT.get(this).isEmpty();
    }
}
