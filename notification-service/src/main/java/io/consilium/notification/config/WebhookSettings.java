package io.consilium.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** {@code consilium.webhooks.*}: how partner webhooks are sent, retried and guarded. */
@ConfigMapping(prefix = "consilium.webhooks")
public interface WebhookSettings {

    /** Loopback URLs (http or https) are accepted: the local profile and the tests only, never production. */
    @WithDefault("false")
    boolean allowLoopback();

    @WithDefault("PT3S")
    Duration connectTimeout();

    /** The longest wait for an answer; a hanging receiver costs at most this, and only its own lane. */
    @WithDefault("PT10S")
    Duration readTimeout();

    /** Requests in flight per endpoint: one slow endpoint cannot take more than this of the sender. */
    @WithDefault("4")
    int maxInFlightPerEndpoint();

    /** Requests in flight in all, over every endpoint. */
    @WithDefault("256")
    int maxInFlight();

    /** Delays after each failed attempt (the Standard Webhooks guidance: over 27 hours in all). */
    @WithDefault("PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H")
    List<Duration> retryDelays();

    /** ± this fraction of each delay, at random. */
    @WithDefault("0.1")
    double jitter();

    /** An endpoint failing this long without one success is disabled. */
    @WithDefault("P5D")
    Duration disableAfter();

    /** How long the previous secret keeps signing after a rotation. */
    @WithDefault("PT24H")
    Duration secretOverlap();

    /** How often due retries are looked for ({@code off}: only when woken, as the tests do). */
    @WithDefault("1s")
    String pollEvery();

    /** Deliveries claimed per round. */
    @WithDefault("500")
    int batchSize();

    /**
     * The least time between the starts of two claim rounds. Every committed event wakes the sender; at sixty events
     * a second a round each was most of the database's work, for a few rows each. Waiting this long gathers them:
     * the price is at most this much latency.
     */
    @WithDefault("PT0.05S")
    Duration roundGap();

    /**
     * How long a sender holds a delivery it took before another may take it: long enough for the attempt to come
     * back (connect and read) and be recorded.
     */
    default Duration lease() {
        return connectTimeout().plus(readTimeout()).plusSeconds(60);
    }
}
