package io.consilium.document.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the specimen endpoints. */
public final class SpecimenRequests {

    private SpecimenRequests() {
    }

    public record Request(@NotBlank @Size(max = 500) String description) {
    }

    public record Shipment(@NotBlank @Size(max = 100) String carrier, @NotBlank @Size(max = 100) String trackingId) {
    }
}
