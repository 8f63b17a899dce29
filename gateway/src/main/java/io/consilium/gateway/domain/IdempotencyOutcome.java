package io.consilium.gateway.domain;

/**
 * What a request with a key gets when it arrives: go ahead (this request owns the key now), the first answer
 * again, or a refusal because the key was used for another request or its first request is still running.
 */
public sealed interface IdempotencyOutcome {

    /** This request is the first with the key (or takes over an abandoned one): forward it and store its answer. */
    record Proceed() implements IdempotencyOutcome {
    }

    record Replay(StoredAnswer answer) implements IdempotencyOutcome {
    }

    /** The key was first used with another method, target or body: 422. */
    record Mismatch() implements IdempotencyOutcome {
    }

    /** The first request with the key has not been answered yet: 409 (after waiting for it a while). */
    record InFlight() implements IdempotencyOutcome {
    }
}
