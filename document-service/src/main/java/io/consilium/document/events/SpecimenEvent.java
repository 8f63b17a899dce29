package io.consilium.document.events;

import java.time.Instant;
import java.util.UUID;

/** The specimen events; fields not relevant to a step are null (and omitted from the JSON). */
public final class SpecimenEvent {

    private SpecimenEvent() {
    }

    /** {@code consilium.document.specimen-requested.v1} (not yet in docs/events.md, proposed). */
    public record Requested(UUID caseId, String tenant, UUID specimenId, Instant requestedAt) {
    }

    /** {@code consilium.document.specimen-shipped.v1}; the destination's institution (never the recipient's name). */
    public record Shipped(UUID caseId, String tenant, UUID specimenId, String carrier, String trackingId,
                          String destinationInstitution, Instant shippedAt) {
    }

    /** {@code consilium.document.specimen-return-shipped.v1}: the return leg. */
    public record ReturnShipped(UUID caseId, String tenant, UUID specimenId, String carrier, String trackingId,
                                Instant shippedAt) {
    }

    /** {@code consilium.document.specimen-received.v1}. */
    public record Received(UUID caseId, String tenant, UUID specimenId, String receivedBy, Instant receivedAt) {
    }

    /** {@code consilium.document.specimen-returned.v1} (not yet in docs/events.md, proposed). */
    public record Returned(UUID caseId, String tenant, UUID specimenId, Instant returnedAt) {
    }
}
