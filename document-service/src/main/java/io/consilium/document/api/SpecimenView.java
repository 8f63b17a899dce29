package io.consilium.document.api;

import io.consilium.document.domain.Specimen;

import java.time.Instant;
import java.util.UUID;

public record SpecimenView(UUID id, UUID caseId, String description, String state, String carrier,
                           String trackingId, Instant requestedAt, Instant shippedAt, String receivedBy,
                           Instant receivedAt, Instant returnedAt) {

    public static SpecimenView of(Specimen s) {
        return new SpecimenView(s.id, s.caseId, s.description, s.state.name(), s.carrier, s.trackingId, s.requestedAt,
                s.shippedAt, s.receivedBy, s.receivedAt, s.returnedAt);
    }
}
