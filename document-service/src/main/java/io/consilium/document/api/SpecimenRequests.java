package io.consilium.document.api;

import io.consilium.document.service.Specimens;
import io.consilium.platform.input.InputKind;
import io.consilium.platform.input.TextKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the specimen endpoints. */
public final class SpecimenRequests {

    private SpecimenRequests() {
    }

    /** Where the specimen goes: the institution (the specialist's lab) and the person who receives it there. */
    public record Destination(
            @Schema(examples = "Wills Eye Hospital, Ocular Oncology Service, Philadelphia") @InputKind(TextKind.NAME)
            @NotBlank @Size(max = 200) String institution,
            @Schema(examples = "Dr. Carol Shields") @InputKind(TextKind.NAME) @NotBlank @Size(max = 200) String recipient) {

        Specimens.Destination toService() {
            return new Specimens.Destination(institution.trim(), recipient.trim());
        }

        static Specimens.Destination of(Destination d) {
            return d == null ? null : d.toService();
        }
    }

    public record Request(
            @Schema(examples = "Fine-needle aspiration cytology slides and cell block of the choroidal tumour, right eye")
            @NotBlank @Size(max = 500) String description,
            @Schema(description = "Where it goes; may be given later with the shipment, which needs it") @Valid Destination destination) {
    }

    public record Shipment(@Schema(examples = "World Courier") @NotBlank @Size(max = 100) String carrier,
                           @Schema(examples = "WC-MAD-PHL-20261118-0042") @NotBlank @Size(max = 100) String trackingId,
                           @Schema(description = "Needed unless the request named it") @Valid Destination destination) {
    }

    /** The return leg. */
    public record ReturnShipment(@Schema(examples = "World Courier") @NotBlank @Size(max = 100) String carrier,
                                 @Schema(examples = "WC-PHL-MAD-20261209-0007") @NotBlank @Size(max = 100) String trackingId) {
    }
}
