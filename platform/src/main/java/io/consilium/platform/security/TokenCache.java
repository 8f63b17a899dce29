package io.consilium.platform.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Optional;

/**
 * The verified bearer tokens of this instance ({@link VerifiedTokens} of identities), put in front of OIDC's
 * verification by two beans: {@link CachedTokenProvider}, an identity provider asked before OIDC's that answers from
 * here or passes, and {@link VerifiedTokenKeeper}, the first augmentor, which keeps what OIDC verified before any
 * augmentor added to it, so an identity from here goes through the same augmentors as a freshly verified one.
 * Counted in {@code consilium_security_token_cache_total{result=hit|miss}}.
 */
@ApplicationScoped
@Unremovable
public class TokenCache {

    /** Marks an identity that came from the cache: the keeper leaves it alone. */
    static final String FROM_CACHE = "consilium.token-cache.hit";

    private final boolean enabled;
    private final VerifiedTokens<SecurityIdentity> tokens;
    private final Counter hits;
    private final Counter misses;

    TokenCache(TokenCacheConfig config, Clock clock, MeterRegistry registry) {
        this.enabled = config.enabled();
        this.tokens = new VerifiedTokens<>(config.maxEntries(), config.maxAge(), clock);
        this.hits = Counter.builder("consilium.security.token.cache").tag("result", "hit")
                .description("Bearer tokens taken from the cache of verified tokens").register(registry);
        this.misses = Counter.builder("consilium.security.token.cache").tag("result", "miss")
                .description("Bearer tokens left to OIDC to verify (not in the cache)").register(registry);
    }

    boolean enabled() {
        return enabled;
    }

    Optional<SecurityIdentity> find(String token) {
        Optional<SecurityIdentity> found = tokens.find(token);
        (found.isPresent() ? hits : misses).increment();
        return found;
    }

    void keep(String token, SecurityIdentity identity, java.time.Instant expiresAt) {
        tokens.keep(token, identity, expiresAt);
    }
}
