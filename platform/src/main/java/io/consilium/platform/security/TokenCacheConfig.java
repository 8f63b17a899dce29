package io.consilium.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The cache of verified bearer tokens ({@link VerifiedTokens}); on in every service and the gateway. */
@ConfigMapping(prefix = "consilium.security.token-cache")
public interface TokenCacheConfig {

    @WithDefault("true")
    boolean enabled();

    /** Tokens kept at most (one per caller session in practice: a partner's client and each user's app). */
    @WithDefault("10000")
    int maxEntries();

    /**
     * Longest a verified token is taken from the cache (never beyond its {@code exp}): also how long a token signed
     * with a key the realm withdrew is still taken.
     */
    @WithDefault("60s")
    Duration maxAge();
}
