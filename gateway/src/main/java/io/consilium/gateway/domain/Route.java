package io.consilium.gateway.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * One entry of the route table, resolved: the route's name (what logs show instead of the path), the service that
 * answers, the largest body it takes, and a read timeout of its own if it has one.
 */
public record Route(String name, String service, long maxBodySize, Optional<Duration> readTimeout) {
}
