package io.consilium.notification.push;

/**
 * What the provider answered for one device. {@code TOKEN_GONE}: the token is unregistered or not a valid token,
 * and is dropped; {@code REJECTED}: the provider refused this message for good (sending it again cannot help);
 * {@code RETRY}: try again later (unavailable, quota, timeout, our credentials).
 */
public record PushResult(Outcome outcome, String detail) {

    public enum Outcome { SENT, TOKEN_GONE, REJECTED, RETRY }

    public static PushResult sent() {
        return new PushResult(Outcome.SENT, null);
    }

    public static PushResult of(Outcome outcome, String detail) {
        return new PushResult(outcome, detail);
    }
}
