package io.consilium.gateway.domain;

import java.util.Map;
import java.util.Optional;

/**
 * What a case waits on, from its state (case-service's {@code CaseState}), as the patient home and the personal
 * doctor's work queue show it. Finished cases (closed, cancelled, rejected) wait on nothing; a state this table does
 * not know (case-service added one) waits on nothing shown rather than on a guess.
 */
public final class WaitingOn {

    private static final Map<String, String> BY_STATE = Map.of(
            "DRAFT", "submission",
            "SUBMITTED", "assignment",
            "MANAGER_ASSIGNED", "records",
            "COLLECTING_RECORDS", "records",
            "READY_FOR_REVIEW", "review-request",
            "IN_REVIEW", "specialists",
            "REPORT_READY", "delivery",
            "REPORT_DELIVERED", "discussion",
            "FOLLOW_UP", "follow-up");

    private WaitingOn() {
    }

    public static Optional<String> of(String state) {
        return Optional.ofNullable(state == null ? null : BY_STATE.get(state));
    }
}
