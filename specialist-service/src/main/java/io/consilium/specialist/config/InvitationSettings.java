package io.consilium.specialist.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * {@code consilium.invitations.*}: how long a specialist has to answer and to report when the review request
 * names no deadlines (requests from before plans had them), when they are reminded, and how often deadlines are
 * checked.
 */
@ConfigMapping(prefix = "consilium.invitations")
public interface InvitationSettings {

    /** Time from invitation to deadline when the review request carries no {@code acceptWithinHours}. */
    @WithDefault("PT48H")
    Duration deadline();

    /** Time from accepting to the report when the review request carries no {@code reportWithinHours}. */
    @WithDefault("PT168H")
    Duration reportWithin();

    /** How long before the deadline an unanswered invitation is reminded (at most half its window). */
    @WithDefault("PT12H")
    Duration reminderBefore();

    /** How often the expiry job looks for invitations past their deadline or due a reminder; {@code off} disables it. */
    @WithDefault("1m")
    String expiryCheckEvery();
}
