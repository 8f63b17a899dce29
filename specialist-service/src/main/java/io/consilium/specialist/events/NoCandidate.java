package io.consilium.specialist.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code consilium.specialist.no-candidate.v1}: seats are left that no remaining candidate can fill; ops must
 * act (widen the countries, override with a named specialist).
 *
 * @param reason  the first unfilled seat's reason (kept for consumers from before seats)
 * @param missing how many panel seats are unfilled
 * @param seats   each unfilled seat with its specialty, focus and reason
 */
public record NoCandidate(UUID caseId, String tenant, String reason, int missing, Instant at, List<UnfilledSeat> seats) {

    /** @param reason NO_ELIGIBLE_SPECIALIST, or NO_ELIGIBLE_SPECIALIST_OUTSIDE_RESIDENCE when the country rule needed one from abroad */
    public record UnfilledSeat(int seat, String specialty, String focus, String reason) {
    }
}
