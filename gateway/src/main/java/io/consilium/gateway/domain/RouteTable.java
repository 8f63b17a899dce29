package io.consilium.gateway.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which route answers a path: the most specific matching pattern of all routes ({@link PathPattern}). Two routes
 * with equally specific patterns that could match the same path are refused when the table is built, so the answer
 * never depends on the order of configuration keys.
 */
public final class RouteTable {

    private record Entry(PathPattern pattern, Route route) {
    }

    private final List<Entry> entries;

    private RouteTable(List<Entry> entries) {
        this.entries = entries;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Route> find(String path) {
        if (path == null) {
            return Optional.empty();
        }
        List<String> segments = PathPattern.split(path);
        for (Entry entry : entries) {
            if (entry.pattern().matches(segments)) {
                return Optional.of(entry.route());
            }
        }
        return Optional.empty();
    }

    /**
     * The gateway path that reaches {@code servicePath} on {@code service}: a path template as the service's OpenAPI
     * document writes it, its {@code {parameter}} segments matching a {@code *} of a pattern (and no literal, which
     * never holds braces). The same path when the table sends it, unchanged, to that service; else the public path
     * of a rewriting route of that service whose forward prefix it lies under; else empty (the table sends it to
     * another service, or the gateway answers it itself).
     */
    public Optional<String> publicPathOf(String service, String servicePath) {
        if (service == null || servicePath == null || !servicePath.startsWith("/")) {
            return Optional.empty();
        }
        Optional<Route> direct = find(servicePath);
        if (direct.isPresent() && direct.get().service().equals(service) && direct.get().rewrite().isEmpty()) {
            return Optional.of(servicePath);
        }
        for (Entry entry : entries) {
            Route route = entry.route();
            if (!route.service().equals(service) || route.rewrite().isEmpty()) {
                continue;
            }
            Optional<String> reversed = route.rewrite().get().reverse(servicePath);
            // only if that public path really arrives at this route (no more specific pattern takes it)
            if (reversed.isPresent() && find(reversed.get()).filter(route::equals).isPresent()) {
                return reversed;
            }
        }
        return Optional.empty();
    }

    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        public Builder add(Route route, List<String> patterns) {
            route.rewrite().ifPresent(rewrite -> {
                // the rewrite is of the route's one pattern; a second pattern would be forwarded under a wrong prefix
                if (!PathRewrite.of(patterns, rewrite.to()).equals(rewrite)) {
                    throw new IllegalArgumentException("Route " + route.name() + " rewrites " + rewrite.from()
                            + ", not its path " + patterns);
                }
            });
            for (String pattern : patterns) {
                entries.add(new Entry(PathPattern.parse(pattern.trim()), route));
            }
            return this;
        }

        public RouteTable build() {
            List<Entry> sorted = new ArrayList<>(entries);
            sorted.sort(Comparator.comparingLong((Entry e) -> e.pattern().specificity()).reversed());
            for (int i = 0; i < sorted.size(); i++) {
                for (int j = i + 1; j < sorted.size(); j++) {
                    Entry a = sorted.get(i);
                    Entry b = sorted.get(j);
                    if (a.pattern().specificity() == b.pattern().specificity() && overlap(a.pattern(), b.pattern())
                            && !a.route().equals(b.route())) {
                        throw new IllegalArgumentException("Routes " + a.route().name() + " (" + a.pattern().text()
                                + ") and " + b.route().name() + " (" + b.pattern().text() + ") claim the same paths");
                    }
                }
            }
            return new RouteTable(List.copyOf(sorted));
        }

        /** Whether one path could match both patterns of equal specificity. */
        private static boolean overlap(PathPattern a, PathPattern b) {
            int common = Math.min(a.segments().size(), b.segments().size());
            if (a.segments().size() != b.segments().size() && !(a.rest() || b.rest())) {
                return false;
            }
            for (int i = 0; i < common; i++) {
                String x = a.segments().get(i);
                String y = b.segments().get(i);
                if (!x.equals("*") && !y.equals("*") && !x.equals(y)) {
                    return false;
                }
            }
            return true;
        }
    }
}
