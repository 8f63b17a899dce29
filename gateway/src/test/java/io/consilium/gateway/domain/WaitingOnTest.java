package io.consilium.gateway.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WaitingOnTest {

    @ParameterizedTest
    @CsvSource({"DRAFT,submission", "SUBMITTED,assignment", "MANAGER_ASSIGNED,records", "COLLECTING_RECORDS,records",
            "READY_FOR_REVIEW,review-request", "IN_REVIEW,specialists", "REPORT_READY,delivery",
            "REPORT_DELIVERED,discussion", "FOLLOW_UP,follow-up"})
    void anOpenCaseWaitsOnItsNextStep(String state, String waitingOn) {
        assertThat(WaitingOn.of(state)).contains(waitingOn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CLOSED", "CANCELLED", "REJECTED", "SOMETHING_NEW", "in_review"})
    void aFinishedOrUnknownCaseWaitsOnNothing(String state) {
        assertThat(WaitingOn.of(state)).isEmpty();
    }

    @Test
    void noStateWaitsOnNothing() {
        assertThat(WaitingOn.of(null)).isEmpty();
    }
}
