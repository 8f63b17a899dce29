package io.consilium.gateway.domain;

import java.time.Duration;
import java.util.Map;

/** A named token bucket size: {@code quota} tokens, refilled completely within {@code window}. */
public record RateLimitPolicy(String name, long quota, Duration window) {

    public RateLimitPolicy {
        if (quota < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("Rate limit " + name + " needs a quota of at least 1 and a positive window");
        }
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            // it is written into the RateLimit headers as a quoted string
            throw new IllegalArgumentException("Rate limit policy names are tokens: " + name);
        }
    }

    /** Which policy holds for a client: a partner's own, else the partners', the users' or the anonymous one. */
    public record Table(RateLimitPolicy partners, RateLimitPolicy users, RateLimitPolicy anonymous,
                        Map<String, RateLimitPolicy> clients) {

        public RateLimitPolicy of(ClientId client) {
            return switch (client.kind()) {
                case PARTNER -> clients.getOrDefault(client.id(), partners);
                case USER -> users;
                case ANONYMOUS -> anonymous;
            };
        }
    }
}
