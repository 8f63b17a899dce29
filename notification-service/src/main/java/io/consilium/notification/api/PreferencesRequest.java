package io.consilium.notification.api;

import io.consilium.platform.input.InputKind;
import io.consilium.platform.input.TextKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person's notification preferences, replaced as a whole. */
@Schema(description = "My notification preferences")
public record PreferencesRequest(
        @Schema(description = "E-mail on or off", examples = "true") @NotNull Boolean email,
        @Schema(description = "Push to my registered devices on or off", examples = "false") @NotNull Boolean push,
        @Schema(description = "The in-app inbox is always on; false is refused", examples = "true")
        @AssertTrue(message = "the in-app inbox cannot be turned off") Boolean inbox,
        @Schema(description = "en, es, de or fr: my messages' language, over the case's and my account's; null: those decide",
                examples = "de") @Pattern(regexp = "en|es|de|fr", message = "must be one of en, es, de, fr") String language,
        @Schema(description = "Routine messages wait during these hours; urgent ones do not. null: none")
        @Valid QuietHoursRequest quietHours) {

    /** Daily quiet hours in the person's time zone; start after end spans midnight. */
    public record QuietHoursRequest(
            @Schema(examples = "22:00") @NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm") String start,
            @Schema(examples = "07:00") @NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm") String end,
            @Schema(description = "IANA time zone", examples = "Europe/Madrid") @NotNull @Size(max = 60)
            @InputKind(TextKind.NAME) String timeZone) {
    }
}
