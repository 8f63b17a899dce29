package io.consilium.gateway.domain;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where a service's operation is reached at the gateway: its path template there, or empty when no route leads to
 * it. The seam between the combined OpenAPI document and the route table (which may rewrite paths, e.g. a service's
 * dead letters under {@code /api/v1/ops/services/<service>/dead-letters}).
 */
public interface PublicPaths {

    Optional<String> of(String service, String servicePath);

    /**
     * The route table's own reverse lookup ({@link RouteTable#publicPathOf}) is what the gateway uses; this simpler
     * one (no rewrites) is for tests of the merge alone.
     *
     * Through the route table ({@link RouteTable#find}): routes pass paths on unchanged, so the path is the service's own when the
     * route that answers it is that service's. Template segments ({@code {caseId}}) stay as they are: a route's
     * {@code *} matches them and no literal segment equals them.
     */
    static PublicPaths byRoute(Function<String, Optional<Route>> find) {
        return (service, servicePath) -> find.apply(servicePath)
                .filter(route -> route.service().equals(service))
                .map(route -> servicePath);
    }
}
