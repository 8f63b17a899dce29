package io.consilium.gateway.domain;

import java.util.Optional;

/**
 * Where a service's operation is reached at the gateway: its path template there, or empty when no route leads to
 * it. The seam between the combined OpenAPI document and the route table (which may rewrite paths, e.g. a service's
 * dead letters under {@code /api/v1/ops/services/<service>/dead-letters}); the gateway's is
 * {@link RouteTable#publicPathOf}.
 */
public interface PublicPaths {

    Optional<String> of(String service, String servicePath);
}
