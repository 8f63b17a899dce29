package io.consilium.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code Idempotency-Key} on POST: how long answers are kept and how long a repeat waits for the first one. */
@ConfigMapping(prefix = "consilium.gateway.idempotency")
public interface IdempotencyConfig {

    /** How long the first answer to a key is kept and replayed. */
    @WithDefault("24h")
    Duration retention();

    /**
     * How long a repeat of a request still in flight waits for the first one's answer before it is refused with
     * 409. Clients that retry on a lost connection then get the answer instead of a conflict; 0 refuses at once.
     */
    @WithDefault("5s")
    Duration inFlightWait();

    /**
     * An in-flight key whose gateway died is taken over after this long (its request got no answer the gateway
     * could store). Longer than every service's read timeout.
     */
    @WithDefault("2m")
    Duration abandonedAfter();

    /**
     * Largest body of a request with a key: it is read whole to compare it with the first one's. Larger bodies
     * with a key are refused with 413 (uploads use tus' own offsets, not keys).
     */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** Largest answer kept for replay; a larger one is passed through and its key forgotten. */
    @WithDefault("1M")
    MemorySize maxStoredAnswer();

    /** How often expired keys are deleted. */
    @WithDefault("15m")
    Duration cleanupEvery();
}
