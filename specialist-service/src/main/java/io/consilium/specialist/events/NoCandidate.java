package io.consilium.specialist.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code consilium.specialist.no-candidate.v1}: seats are left that no remaining candidate can fill; ops must
 * act (widen the countries, override with a named specialist).
 *
 * @param missing how many panel seats are unfilled
 */
public record NoCandidate(UUID caseId, String tenant, String reason, int missing, Instant at) {
}
