package io.consilium.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How this service's outbox relay behaves. Every service sets at least {@code consilium.outbox.source}. */
@ConfigMapping(prefix = "consilium.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of everything this service publishes, e.g. {@code /case-service}. */
    String source();

    /** Whether this instance runs a relay at all (only the advisory-lock holder publishes). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows published per round trip to the broker. */
    @WithDefault("200")
    int batchSize();

    /** Longest wait for new rows when no NOTIFY arrives; also how often a standby relay retries the lock. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Pause after a failed publish before the relay tries again (broker down, database gone). */
    @WithDefault("1s")
    Duration retryBackoff();

    /** How long a single send may wait for the broker's acknowledgement before the batch is retried. */
    @WithDefault("120s")
    Duration deliveryTimeout();

    /** Sent rows are kept this long (for inspection), then deleted by {@link OutboxCleanup}. */
    @WithDefault("P1D")
    Duration retention();
}
