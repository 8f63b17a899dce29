package io.consilium.notification.api;

import io.consilium.notification.domain.DeviceToken;
import io.consilium.platform.input.InputKind;
import io.consilium.platform.input.TextKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A push device as the app registers it: the provider's registration token for this installation. */
@Schema(description = "A device to push to")
public record DeviceRequest(
        @Schema(description = "The FCM registration token of this app installation", examples = "fcm-registration-token-of-the-app")
        @NotBlank @Size(max = 4096) @Pattern(regexp = "[A-Za-z0-9_:.\\-]+", message = "must be a registration token (letters, digits, _ : . -)")
        @InputKind(TextKind.NAME) String token,
        @Schema(examples = "ANDROID") @NotNull DeviceToken.Platform platform,
        @Schema(description = "For the person to tell devices apart", examples = "My phone")
        @Size(max = 200) @InputKind(TextKind.NAME) String description) {
}
