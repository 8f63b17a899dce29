package io.consilium.gateway.domain;

import java.util.List;
import java.util.Optional;

/**
 * A route's path rewrite: the literal prefix of its one {@code /**} pattern ({@code from}) swapped for the path the
 * service serves it under ({@code to}), the rest of the path kept as it is. How every service's own
 * {@code /api/v1/ops/dead-letters/**} (a path the gateway answers itself) is reached through the gateway as
 * {@code /api/v1/ops/services/<service>/dead-letters/**}.
 */
public record PathRewrite(String from, String to) {

    /**
     * The rewrite of a route with {@code patterns} forwarded under {@code forwardPrefix}; refused unless there is
     * exactly one pattern, ending in {@code /**} after literal segments only (a {@code *} in the prefix would leave
     * the way back ambiguous), and the forward prefix is a plain path.
     */
    public static PathRewrite of(List<String> patterns, String forwardPrefix) {
        if (patterns.size() != 1) {
            throw new IllegalArgumentException("a route with a forward-prefix has exactly one path, not " + patterns.size());
        }
        PathPattern pattern = PathPattern.parse(patterns.get(0).trim());
        if (!pattern.rest() || pattern.segments().isEmpty() || pattern.segments().contains("*")) {
            throw new IllegalArgumentException("a route with a forward-prefix has one path of literal segments ending in /**: "
                    + pattern.text());
        }
        if (forwardPrefix == null || !forwardPrefix.startsWith("/") || forwardPrefix.length() < 2
                || forwardPrefix.endsWith("/") || forwardPrefix.contains("//") || forwardPrefix.contains("?")
                || forwardPrefix.contains("*") || forwardPrefix.contains("{")) {
            throw new IllegalArgumentException("a forward-prefix is a path starting with / without wildcards, query, "
                    + "empty segments or trailing /: " + forwardPrefix);
        }
        return new PathRewrite("/" + String.join("/", pattern.segments()), forwardPrefix);
    }

    /** The service's path for a public {@code path} its route matched (so it starts with {@code from}'s segments). */
    public String apply(String path) {
        if (!startsWith(path, from)) {
            throw new IllegalArgumentException("path " + path + " is not under " + from);
        }
        return to + path.substring(from.length());
    }

    /** The public path of one of the service's own paths under {@code to}; empty for any other path. */
    public Optional<String> reverse(String servicePath) {
        return startsWith(servicePath, to) ? Optional.of(from + servicePath.substring(to.length())) : Optional.empty();
    }

    /** Whether {@code path} is {@code prefix} or under it, segment-wise ({@code /a/bc} is not under {@code /a/b}). */
    private static boolean startsWith(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
