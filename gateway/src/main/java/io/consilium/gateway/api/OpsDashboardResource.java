package io.consilium.gateway.api;

import io.consilium.gateway.service.OpsDashboards;
import io.consilium.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /api/v1/ops/dashboard}: what ops watches, in one call. Ops only (every part is an ops endpoint of its
 * service, which checks the caller's token again).
 */
@Tag(name = "Aggregates", description = "One call for what a screen needs, each part fetched with the caller's own token from its service")
@Path("/api/v1/ops/dashboard")
@RolesAllowed(Roles.OPS)
public class OpsDashboardResource {

    private final OpsDashboards dashboards;

    OpsDashboardResource(OpsDashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cases by state and tenant, opened and closed per day, clocks at risk or breached, open dead letters per service, failing webhook endpoints",
            description = "Fetched in parallel with the caller's token from case-service (list totals per state, the "
                    + "ops queue, /api/v1/statistics/activity over 14 days), every service's open dead letters (the "
                    + "first 20 listed, the total counted) and notification-service's webhook endpoints. Parts "
                    + "that do not come in within the aggregate timeout are named in missing, with partial: true.")
    @APIResponse(responseCode = "200", description = "The dashboard, possibly partial")
    public Uni<OpsDashboard> dashboard(@Parameter(description = "Narrow every figure to one tenant")
                                       @QueryParam("tenant") @Pattern(regexp = "[A-Za-z0-9._-]{1,100}") String tenant,
                                       @Context HttpServerRequest request) {
        return Uni.createFrom().completionStage(dashboards.fetch(tenant, CallerHeaders.of(request)).toCompletionStage())
                .map(parts -> OpsDashboard.of(tenant, parts));
    }
}
