package io.consilium.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed webhook delivery is tried again: the delays after each failed attempt (exponential-ish, as the
 * Standard Webhooks guidance suggests: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h — over 27 hours in all), each with
 * jitter of ±{@code jitter} so that many endpoints failing at once do not come back in lockstep. After the last
 * delay's attempt fails the delivery is dead.
 */
public final class RetrySchedule {

    public static final List<Duration> STANDARD = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    private final List<Duration> delays;
    private final double jitter;

    public RetrySchedule(List<Duration> delays, double jitter) {
        if (delays.isEmpty() || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("A retry schedule needs delays and a jitter in [0, 1)");
        }
        this.delays = List.copyOf(delays);
        this.jitter = jitter;
    }

    /** Attempts in all: the first and one per delay. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** The nominal time from the first attempt to the last (without jitter). */
    public Duration span() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * @param attemptsMade attempts made so far, the failed one included (1 after the first)
     * @param random       uniform in [0, 1)
     * @return when to try next, or empty when the delivery is dead
     */
    public Optional<Instant> next(int attemptsMade, Instant failedAt, DoubleSupplier random) {
        Objects.requireNonNull(failedAt);
        if (attemptsMade < 1 || attemptsMade > delays.size()) {
            return Optional.empty();
        }
        Duration nominal = delays.get(attemptsMade - 1);
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Optional.of(failedAt.plusMillis(Math.round(nominal.toMillis() * factor)));
    }
}
