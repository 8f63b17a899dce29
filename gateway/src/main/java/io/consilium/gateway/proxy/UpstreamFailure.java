package io.consilium.gateway.proxy;

import java.time.Duration;

/**
 * Why a service gave no answer: not reachable (502), its circuit open (503, with when to retry), every pooled
 * connection to it busy for longer than its pool wait (503: the gateway's own queue, so the breaker does not count
 * it) or silent for its read timeout (504). The message names the service, never the request.
 */
public final class UpstreamFailure extends RuntimeException {

    public enum Kind { UNREACHABLE, CIRCUIT_OPEN, BUSY, TIMEOUT }

    private final Kind kind;
    private final Duration retryAfter;

    UpstreamFailure(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    static UpstreamFailure of(String service, Throwable cause) {
        if (isTimeout(cause)) {
            return new UpstreamFailure(Kind.TIMEOUT, service + " did not answer in time", Duration.ZERO, cause);
        }
        return new UpstreamFailure(Kind.UNREACHABLE, service + " could not be reached", Duration.ZERO, cause);
    }

    /**
     * Whether getting a connection failed because the pool stayed full (Vert.x' acquisition timeout) rather than
     * because the service could not be connected to (Netty's {@code ConnectTimeoutException} is a
     * {@link java.net.ConnectException}, as is a refused connection).
     */
    static boolean isPoolWait(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return false;
            }
        }
        return isTimeout(cause);
    }

    static UpstreamFailure busy(String service, Duration poolWait, Throwable cause) {
        return new UpstreamFailure(Kind.BUSY, service + " is busy: no connection to it was free within " + poolWait.toMillis()
                + " ms", Duration.ofSeconds(1), cause);
    }

    private static boolean isTimeout(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            // Netty's ConnectTimeoutException, Vert.x' idle timeout (NoStackTraceTimeoutException), JDK TimeoutException
            if (t.getClass().getSimpleName().contains("Timeout") || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
