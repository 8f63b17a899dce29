package io.consilium.gateway.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * One entry of the route table, resolved: the route's name (what logs show instead of the path), the service that
 * answers, the largest body it takes, a read timeout of its own if it has one, and the rewrite of its path if the
 * service serves it under another ({@link PathRewrite}).
 */
public record Route(String name, String service, long maxBodySize, Optional<Duration> readTimeout,
                    Optional<PathRewrite> rewrite) {

    /** The name of the routes the gateway answers itself (its aggregates, its own dead letters). */
    public static final String OWN = "gateway";

    /** A route that forwards paths as they are. */
    public Route(String name, String service, long maxBodySize, Optional<Duration> readTimeout) {
        this(name, service, maxBodySize, readTimeout, Optional.empty());
    }

    public static Route own(long maxBodySize) {
        return new Route(OWN, OWN, maxBodySize, Optional.empty());
    }

    public boolean isOwn() {
        return OWN.equals(service);
    }

    /** The path the service is asked for, for a public {@code path} this route matched. */
    public String upstreamPath(String path) {
        return rewrite.map(r -> r.apply(path)).orElse(path);
    }
}
