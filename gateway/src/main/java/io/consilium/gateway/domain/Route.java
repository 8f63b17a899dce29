package io.consilium.gateway.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * One entry of the route table, resolved: the route's name (what logs show instead of the path), the service that
 * answers, the largest body it takes, and a read timeout of its own if it has one.
 */
public record Route(String name, String service, long maxBodySize, Optional<Duration> readTimeout) {

    /** The name of the routes the gateway answers itself (its aggregates, its own dead letters). */
    public static final String OWN = "gateway";

    public static Route own(long maxBodySize) {
        return new Route(OWN, OWN, maxBodySize, Optional.empty());
    }

    public boolean isOwn() {
        return OWN.equals(service);
    }
}
