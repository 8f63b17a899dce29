package io.consilium.specialist.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code consilium.invitations.*}: how long a specialist has to answer, and how often deadlines are checked. */
@ConfigMapping(prefix = "consilium.invitations")
public interface InvitationSettings {

    /** Time from invitation to deadline. */
    @WithDefault("PT48H")
    Duration deadline();

    /** How often the expiry job looks for invitations past their deadline; {@code off} disables it. */
    @WithDefault("1m")
    String expiryCheckEvery();
}
