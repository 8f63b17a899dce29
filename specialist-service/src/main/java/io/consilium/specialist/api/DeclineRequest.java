package io.consilium.specialist.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why the specialist declines (shared with ops in the declined event). */
public record DeclineRequest(
        @Schema(examples = "No capacity before the due date")
        @NotBlank @Size(max = 500) String reason) {
}
