package io.consilium.specialist.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Ops invite a named specialist, overriding the ranking. */
public record OverrideRequest(
        @NotNull UUID specialistId,
        @Schema(examples = "Patient asked for this specialist by name")
        @NotBlank @Size(max = 500) String reason) {
}
