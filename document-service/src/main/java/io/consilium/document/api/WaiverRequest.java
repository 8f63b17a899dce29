package io.consilium.document.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The case manager waives a checklist item: the case does without it, and the reason says why. */
public record WaiverRequest(
        @Schema(description = "Why the case does without this record (shown on the checklist, audited)",
                examples = "No laboratory tests were done for this skin condition; the dermatologist's report covers it")
        @NotBlank @Size(max = 500) String reason) {
}
