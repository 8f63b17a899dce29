package io.consilium.specialist.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Ops invite a named specialist, overriding the ranking. */
public record OverrideRequest(
        @NotNull UUID specialistId,
        @Schema(description = "The free seat to fill; absent: the first free seat of the specialist's specialty, else the first free seat", examples = "2")
        @Min(1) @Max(3) Integer seat,
        @Schema(examples = "Patient asked for this specialist by name")
        @NotBlank @Size(max = 500) String reason) {
}
