package io.consilium.document.api;

import io.consilium.document.domain.Specimen;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A specimen with its destination, both legs of tracking and its checklist item. */
public record SpecimenView(UUID id, UUID caseId, String description,
                           @Schema(description = "REQUESTED, SHIPPED, RECEIVED, RETURN_SHIPPED or RETURNED", examples = "SHIPPED") String state,
                           @Schema(examples = "Wills Eye Hospital, Ocular Oncology Service, Philadelphia") String destinationInstitution,
                           @Schema(examples = "Dr. Carol Shields") String destinationRecipient,
                           @Schema(examples = "World Courier") String carrier,
                           @Schema(examples = "WC-MAD-PHL-20261118-0042") String trackingId,
                           Instant requestedAt, Instant shippedAt, String receivedBy, Instant receivedAt,
                           @Schema(examples = "World Courier") String returnCarrier,
                           @Schema(examples = "WC-PHL-MAD-20261209-0007") String returnTrackingId,
                           Instant returnShippedAt, Instant returnedAt,
                           @Schema(description = "The checklist item that tracks it") UUID checklistItemId) {

    public static SpecimenView of(Specimen s) {
        return new SpecimenView(s.id, s.caseId, s.description, s.state.name(), s.destinationInstitution,
                s.destinationRecipient, s.carrier, s.trackingId, s.requestedAt, s.shippedAt, s.receivedBy, s.receivedAt,
                s.returnCarrier, s.returnTrackingId, s.returnShippedAt, s.returnedAt, s.checklistItemId);
    }
}
