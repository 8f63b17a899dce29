package io.consilium.document.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the specimen endpoints. */
public final class SpecimenRequests {

    private SpecimenRequests() {
    }

    public record Request(
            @Schema(examples = "Fine-needle aspiration cytology slides and cell block of the choroidal tumour, right eye")
            @NotBlank @Size(max = 500) String description) {
    }

    public record Shipment(@Schema(examples = "World Courier") @NotBlank @Size(max = 100) String carrier,
                           @Schema(examples = "WC-MAD-PHL-20261118-0042") @NotBlank @Size(max = 100) String trackingId) {
    }
}
