package io.consilium.notification.domain;

import java.util.Map;

/**
 * The case's state after an event (case-service's lifecycle, docs/domain.md), for the thin webhook payload: the
 * state is derived here from the event type, since events do not carry it. Events that do not move the case leave
 * the state as it was.
 */
public final class CaseStates {

    private static final Map<String, String> AFTER = Map.ofEntries(
            Map.entry("consilium.case.submitted.v1", "SUBMITTED"),
            Map.entry("consilium.case.rejected.v1", "REJECTED"),
            Map.entry("consilium.case.manager-assigned.v1", "MANAGER_ASSIGNED"),
            Map.entry("consilium.case.records-requested.v1", "COLLECTING_RECORDS"),
            Map.entry("consilium.case.records-completed.v1", "READY_FOR_REVIEW"),
            Map.entry("consilium.specialist.panel-assembled.v1", "IN_REVIEW"),
            Map.entry("consilium.report.released.v1", "REPORT_DELIVERED"),
            Map.entry("consilium.case.report-delivered.v1", "REPORT_DELIVERED"),
            Map.entry("consilium.case.follow-up-scheduled.v1", "FOLLOW_UP"),
            Map.entry("consilium.case.cancelled.v1", "CANCELLED"),
            Map.entry("consilium.case.closed.v1", "CLOSED"));

    private CaseStates() {
    }

    /** The state after {@code eventType}, or {@code current} when the event does not move the case. */
    public static String after(String eventType, String current) {
        if (current != null && isFinal(current)) {
            return current;
        }
        return AFTER.getOrDefault(eventType, current);
    }

    static boolean isFinal(String state) {
        return state.equals("CLOSED") || state.equals("CANCELLED") || state.equals("REJECTED");
    }
}
