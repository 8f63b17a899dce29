package io.consilium.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * {@code consilium.contacts.*}: where people's e-mail addresses and languages come from (Keycloak's admin REST API,
 * called with this service's own service account holding {@code view-users}), how long they are cached, and the
 * address of operations.
 */
@ConfigMapping(prefix = "consilium.contacts")
public interface ContactSettings {

    /** The realm's admin API, e.g. {@code http://127.0.0.1:8180/admin/realms/consilium}. */
    String adminUrl();

    @WithDefault("PT2S")
    Duration timeout();

    /** How long a looked-up contact is used without asking again; a stale one is the fallback while Keycloak is down. */
    @WithDefault("PT10M")
    Duration cacheTtl();

    /** Where ops routes go by e-mail. */
    @WithDefault("ops@consilium.local")
    String opsEmail();
}
