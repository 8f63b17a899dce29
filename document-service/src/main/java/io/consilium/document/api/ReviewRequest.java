package io.consilium.document.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The case manager's decision on a received checklist item; a rejection needs a reason. */
public record ReviewRequest(
        @NotNull @Pattern(regexp = "ACCEPTED|REJECTED", message = "must be ACCEPTED or REJECTED") String decision,
        @Size(max = 500) String reason) {

    @AssertTrue(message = "a rejection needs a reason")
    public boolean isReasonGivenForRejection() {
        return !"REJECTED".equals(decision) || (reason != null && !reason.isBlank());
    }
}
