package io.consilium.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/**
 * Token buckets per client, shared by every gateway instance (Bucket4j on the gateway's database). A bucket holds
 * {@code quota} tokens and refills {@code quota} tokens per {@code window}, smoothly; each request takes one.
 * <pre>
 * consilium.gateway.rate-limit.partners.quota=600              every partner client ...
 * consilium.gateway.rate-limit.clients."partner-acme".quota=3000  ... except this one (its azp)
 * </pre>
 */
@ConfigMapping(prefix = "consilium.gateway.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** Partner clients (role partner), one bucket per {@code azp}. */
    Policy partners();

    /** People (patients, personal doctors, specialists, ops), one bucket per token subject. */
    Policy users();

    /** Requests without a token (public share links, and refusals), one bucket per remote address. */
    Policy anonymous();

    /** Limits of named partner clients (by {@code azp}) instead of {@link #partners()}. */
    Map<String, Policy> clients();

    interface Policy {
        /** Tokens in a full bucket: the burst a client may send at once. */
        int quota();

        /** Time in which an empty bucket refills completely. */
        @WithDefault("1m")
        Duration window();
    }
}
