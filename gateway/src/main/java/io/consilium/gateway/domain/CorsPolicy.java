package io.consilium.gateway.domain;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CORS (Fetch standard) for the configured origins only. A preflight from another origin, or asking for a method or
 * header not offered, is refused; an actual request from another origin gets no CORS headers, so the browser keeps
 * its answer from the page. The allowed origin is always echoed, never {@code *}, and {@code Vary: Origin} is set, so
 * a cache never hands one origin's answer to another.
 */
public final class CorsPolicy {

    private final Set<String> origins;
    private final Set<String> methods;
    private final Set<String> headers;
    private final String exposedHeaders;
    private final boolean allowCredentials;
    private final Duration maxAge;

    public CorsPolicy(List<String> origins, List<String> methods, List<String> headers, List<String> exposedHeaders,
                      boolean allowCredentials, Duration maxAge) {
        for (String origin : origins) {
            if (origin.contains("*")) {
                throw new IllegalArgumentException("CORS origins are listed one by one; '" + origin + "' is refused");
            }
        }
        this.origins = Set.copyOf(origins);
        this.methods = methods.stream().map(m -> m.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.headers = headers.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.exposedHeaders = String.join(", ", exposedHeaders);
        this.allowCredentials = allowCredentials;
        this.maxAge = maxAge;
    }

    public boolean allows(String origin) {
        return origin != null && origins.contains(origin);
    }

    /**
     * The answer to a preflight: the headers to send with 204, or empty when the preflight is refused (the origin,
     * the method or one of the headers is not allowed).
     */
    public Optional<Map<String, String>> preflight(String origin, String method, String requestHeaders) {
        if (!allows(origin) || method == null || !methods.contains(method.trim().toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (requestHeaders != null) {
            for (String header : requestHeaders.split(",")) {
                String name = header.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !headers.contains(name)) {
                    return Optional.empty();
                }
            }
        }
        Map<String, String> answer = new LinkedHashMap<>(common(origin));
        answer.put("Access-Control-Allow-Methods", String.join(", ", methods.stream().sorted().toList()));
        if (requestHeaders != null && !requestHeaders.isBlank()) {
            answer.put("Access-Control-Allow-Headers", requestHeaders.trim());
        }
        answer.put("Access-Control-Max-Age", Long.toString(maxAge.toSeconds()));
        return Optional.of(answer);
    }

    /** CORS headers of an actual request's answer; none for an origin not allowed. */
    public Map<String, String> actual(String origin) {
        if (!allows(origin)) {
            return Map.of();
        }
        Map<String, String> answer = new LinkedHashMap<>(common(origin));
        answer.put("Access-Control-Expose-Headers", exposedHeaders);
        return answer;
    }

    private Map<String, String> common(String origin) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("Access-Control-Allow-Origin", origin);
        if (allowCredentials) {
            answer.put("Access-Control-Allow-Credentials", "true");
        }
        return answer;
    }
}
