package io.consilium.gateway.domain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of taking a token from a client's bucket and its headers (draft-ietf-httpapi-ratelimit-headers):
 * {@code RateLimit-Policy: "partner";q=600;w=60} names the policy (quota per window in seconds) and
 * {@code RateLimit: "partner";r=599;t=1} tells what remains and in how many seconds the bucket is full again.
 * A refused request also gets {@code Retry-After}: the seconds until one token is back.
 */
public record RateLimitDecision(boolean allowed, String policy, long quota, Duration window, long remaining,
                                Duration untilFull, Duration untilNextToken) {

    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Policy", "\"" + policy + "\";q=" + quota + ";w=" + Math.max(1, window.toSeconds()));
        headers.put("RateLimit", "\"" + policy + "\";r=" + remaining + ";t=" + ceilSeconds(untilFull));
        if (!allowed) {
            headers.put("Retry-After", Long.toString(Math.max(1, ceilSeconds(untilNextToken))));
        }
        return headers;
    }

    static long ceilSeconds(Duration duration) {
        long nanos = Math.max(0, duration.toNanos());
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
