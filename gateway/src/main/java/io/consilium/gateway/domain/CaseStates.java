package io.consilium.gateway.domain;

import java.util.List;

/**
 * case-service's case states ({@code CaseState}), which the ops dashboard counts one by one through case-service's
 * list filter (it offers no count by state). A state added there shows here once added to this list.
 */
public final class CaseStates {

    public static final List<String> ALL = List.of("DRAFT", "SUBMITTED", "MANAGER_ASSIGNED", "COLLECTING_RECORDS",
            "READY_FOR_REVIEW", "IN_REVIEW", "REPORT_READY", "REPORT_DELIVERED", "FOLLOW_UP", "CLOSED", "CANCELLED",
            "REJECTED");

    private CaseStates() {
    }
}
