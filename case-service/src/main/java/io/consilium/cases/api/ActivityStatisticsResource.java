package io.consilium.cases.api;

import io.consilium.cases.service.ActivityStatistics;
import io.consilium.platform.http.QueryValues;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Case activity for the ops dashboard (issue 17): partners for their tenant, ops for any tenant or all. */
@Path("/api/v1/statistics/activity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "400", description = "Bad days", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not partner or ops, or a partner naming another tenant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ActivityStatisticsResource {

    private final ActivityStatistics statistics;
    private final CurrentCaller caller;

    ActivityStatisticsResource(ActivityStatistics statistics, CurrentCaller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.OPS})
    @Operation(summary = "Cases per tenant by state now, and cases opened and closed per UTC day",
            description = "casesByTenant counts every current case of each tenant in scope by its state (not only the "
                    + "window). days has one entry per UTC day from `from` to `to` (today, inclusive), zero-filled: "
                    + "opened counts cases by created_at (drafts included), closed by closed_at, which only closing a "
                    + "case sets (REPORT_DELIVERED or FOLLOW_UP to CLOSED); cancelled and rejected cases are not closed. "
                    + "Partners always get their own tenant (naming another is 403).")
    public ActivityStatistics.Activity activity(
            @Parameter(description = "Ops: one tenant, or all when absent") @QueryParam("tenant") @Size(max = 100) String tenant,
            @Parameter(description = "Days up to today, 1 to 92", example = "14") @QueryParam("days") String days) {
        int window = QueryValues.integer("days", days, 14, 1, 92);
        return statistics.compute(CaseStatisticsResource.scope(caller.get(), QueryValues.text(tenant)), window);
    }
}
