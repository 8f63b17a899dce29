package io.consilium.gateway.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The circuit breaker of one service: after {@code failureThreshold} failed calls in a row it opens and refuses
 * calls for {@code openFor}, so a service that is down costs its callers no waiting and gets room to recover; then
 * one trial call is let through (half-open): its success closes the circuit, its failure opens it again.
 * <p>
 * Hand-written rather than SmallRye Fault Tolerance's, whose guards wrap one method call: here a call is a stream
 * whose outcome (the answer's status line) is known before the body has passed, and a 5xx that counts as a
 * failure is still passed to the client unchanged. Calls come from several event loops, hence the locking.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final Duration openFor;
    private final Clock clock;

    private State state = State.CLOSED;
    private int failuresInARow;
    private Instant openUntil = Instant.MIN;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openFor, Clock clock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failure-threshold must be at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may go out now; in half-open state only one trial at a time. */
    public synchronized boolean tryAcquire() {
        if (state == State.OPEN && !clock.instant().isBefore(openUntil)) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        switch (state) {
            case CLOSED:
                return true;
            case HALF_OPEN:
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
            default:
                return false;
        }
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        failuresInARow = 0;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        failuresInARow++;
        if (state == State.HALF_OPEN || failuresInARow >= failureThreshold) {
            state = State.OPEN;
            openUntil = clock.instant().plus(openFor);
            trialInFlight = false;
        }
    }

    /** A call that ended neither way (the client's body was too large): a half-open trial may be tried again. */
    public synchronized void release() {
        trialInFlight = false;
    }

    /** When a refused caller may try again (for {@code Retry-After}); zero when calls go out. */
    public synchronized Duration retryAfter() {
        if (state != State.OPEN) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), openUntil);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public synchronized State state() {
        if (state == State.OPEN && !clock.instant().isBefore(openUntil)) {
            return State.HALF_OPEN;
        }
        return state;
    }
}
