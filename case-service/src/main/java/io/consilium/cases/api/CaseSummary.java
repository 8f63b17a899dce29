package io.consilium.cases.api;

import io.consilium.cases.domain.PanelCountries;
import io.consilium.cases.domain.ReviewSeat;
import io.consilium.cases.domain.SmoCase;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A case without clinical content: what lists show, and all a partner or ops sees of a case. */
public record CaseSummary(UUID id, String tenant, String memberId, String state, String requestedSpecialty,
                          String urgency, String preferredLanguage, String countryOfResidence, List<String> reasons,
                          String managerId, String rejectionReason, String rejectionDetail, Integer panelSize,
                          List<ReviewSeat> reviewSeats, PanelCountries reviewCountries,
                          Instant createdAt, Instant updatedAt, Instant submittedAt, Instant recordsCompletedAt,
                          Instant reviewRequestedAt, Instant reviewStartedAt, Instant reportDeliveredAt,
                          Instant closedAt, Instant cancelledAt, long version) {

    static CaseSummary of(SmoCase c) {
        return new CaseSummary(c.id, c.tenant, c.memberId, c.state.name(), c.requestedSpecialty, c.urgency.name(),
                c.preferredLanguage, c.countryOfResidence, c.reasons, c.managerId, c.rejectionReason,
                c.rejectionDetail, c.panelSize, c.reviewSeats, c.reviewCountries, c.createdAt, c.updatedAt, c.submittedAt, c.recordsCompletedAt,
                c.reviewRequestedAt, c.reviewStartedAt, c.reportDeliveredAt, c.closedAt, c.cancelledAt, c.version);
    }
}
