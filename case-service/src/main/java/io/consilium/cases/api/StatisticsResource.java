package io.consilium.cases.api;

import io.consilium.cases.service.OutcomeStatistics;
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


/** Utilisation and outcome statistics: partners for their tenant, ops for any tenant or all. */
@Path("/api/v1/statistics/outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "400", description = "Bad period", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StatisticsResource {

    private final OutcomeStatistics statistics;
    private final CurrentCaller caller;

    StatisticsResource(OutcomeStatistics statistics, CurrentCaller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.OPS})
    @Operation(summary = "Cases by state, turnaround median and p90, diagnosis assessments, treatment changed, surgery avoided",
            description = "For cases created in the period; assessments, treatment changed and surgery avoided count cases by the "
                    + "panel's consolidated verdict. Partners always get their own tenant. Per case: /api/v1/statistics/cases.")
    public OutcomeStatistics.Outcomes outcomes(
            @Parameter(description = "Ops: one tenant, or all when absent") @QueryParam("tenant") @Size(max = 100) String tenant,
            @Parameter(description = "Date (inclusive) or ISO-8601 instant (inclusive)", required = true) @QueryParam("from") String from,
            @Parameter(description = "Date (inclusive: the whole day) or ISO-8601 instant (exclusive)", required = true) @QueryParam("to") String to) {
        StatisticsPeriod period = StatisticsPeriod.parse(from, to);
        return statistics.compute(CaseStatisticsResource.scope(caller.get(), QueryValues.text(tenant)),
                period.from(), period.to());
    }
}
