package io.consilium.document.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The case manager's decision on a received checklist item; a rejection needs a reason. */
public record ReviewRequest(
        @Schema(examples = "REJECTED") @NotNull @Pattern(regexp = "ACCEPTED|REJECTED", message = "must be ACCEPTED or REJECTED") String decision,
        @Schema(description = "Required for REJECTED: what is wrong and what to send instead",
                examples = "The orbital MRI stops above the optic nerve; please upload the complete series with contrast")
        @Size(max = 500) String reason) {

    @AssertTrue(message = "a rejection needs a reason")
    public boolean isReasonGivenForRejection() {
        return !"REJECTED".equals(decision) || (reason != null && !reason.isBlank());
    }
}
