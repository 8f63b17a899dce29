package io.consilium.cases.api;

import io.consilium.cases.domain.CaseOutcome;
import io.consilium.cases.domain.CaseOutcomeTotals;
import io.consilium.cases.service.CaseStatistics;
import io.consilium.platform.http.QueryValues;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Statistics per case (issue 13): one line per case submitted in the period, with the panel's consolidated
 * verdict, and the totals. Partners get their own tenant only, ops any one tenant or all.
 */
@Path("/api/v1/statistics")
@Tag(name = "Statistics")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "400", description = "Bad period or paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A partner naming another tenant", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CaseStatisticsResource {

    static final String CSV = "text/csv";

    /** A page of the period's cases with the totals over all of them. */
    public record CaseStatisticsPage(String tenant, Instant from, Instant to, CaseOutcomeTotals totals,
                                     int page, int size, long total, List<CaseOutcome> cases) {
    }

    private final CaseStatistics statistics;
    private final CurrentCaller caller;

    CaseStatisticsResource(CaseStatistics statistics, CurrentCaller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    @GET
    @Path("/cases")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.PARTNER, Roles.OPS})
    @Operation(summary = "Statistics per case: concordance, treatment changed, surgery avoided, opinion followed, time to report",
            description = "Cases submitted in the period. Plain dates are inclusive whole UTC days (from=2026-11-01&to=2026-11-30); "
                    + "instants: from inclusive, to exclusive. Accept: text/csv gives every case as CSV (as cases.csv). "
                    + "A partner reads a case's outcome only while its patient's REPORT_TO_PARTNER consent is active.")
    public Response cases(@Parameter(description = "Ops: one tenant, or all when absent") @QueryParam("tenant") @Size(max = 100) String tenant,
                          @Parameter(description = "Date (inclusive) or instant (inclusive)", required = true, example = "2026-11-01") @QueryParam("from") String from,
                          @Parameter(description = "Date (inclusive) or instant (exclusive)", required = true, example = "2026-11-30") @QueryParam("to") String to,
                          @QueryParam("page") String page, @QueryParam("size") String size,
                          @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        StatisticsPeriod period = StatisticsPeriod.parse(from, to);
        int pageNo = QueryValues.integer("page", page, 0, 0, 100_000);
        int pageSize = QueryValues.integer("size", size, 100, 1, 100);
        CaseStatistics.Result result = compute(tenant, period);
        if (prefersCsv(accept)) {
            return csv(result);
        }
        List<CaseOutcome> all = result.cases();
        int start = (int) Math.min((long) pageNo * pageSize, all.size());
        List<CaseOutcome> slice = all.subList(start, Math.min(start + pageSize, all.size()));
        return Response.ok(new CaseStatisticsPage(result.tenant(), result.from(), result.to(), result.totals(),
                pageNo, pageSize, all.size(), slice), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/cases.csv")
    @Produces(CSV)
    @RolesAllowed({Roles.PARTNER, Roles.OPS})
    @Operation(summary = "Statistics per case as CSV, one row per case (columns in the README)")
    public Response casesCsv(@QueryParam("tenant") @Size(max = 100) String tenant,
                             @Parameter(required = true, example = "2026-11-01") @QueryParam("from") String from,
                             @Parameter(required = true, example = "2026-11-30") @QueryParam("to") String to) {
        return csv(compute(tenant, StatisticsPeriod.parse(from, to)));
    }

    private CaseStatistics.Result compute(String tenant, StatisticsPeriod period) {
        Caller c = caller.get();
        boolean partner = !c.is(Roles.OPS);
        return statistics.compute(scope(c, QueryValues.text(tenant)), period.from(), period.to(), partner);
    }

    private static Response csv(CaseStatistics.Result result) {
        return Response.ok(CaseOutcomesCsv.of(result.cases()), CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"case-statistics.csv\"").build();
    }

    /** CSV when the client names text/csv before (or without) JSON. */
    static boolean prefersCsv(String accept) {
        if (accept == null) {
            return false;
        }
        int csv = accept.toLowerCase().indexOf(CSV);
        int json = accept.toLowerCase().indexOf(MediaType.APPLICATION_JSON);
        return csv >= 0 && (json < 0 || csv < json);
    }

    /** Partners: always their own tenant (naming another is refused); ops: the one named, or every tenant. */
    static String scope(Caller caller, String tenant) {
        if (caller.is(Roles.OPS)) {
            return tenant;
        }
        String own = caller.requireTenant();
        if (tenant != null && !Objects.equals(tenant, own)) {
            throw new ProblemException.Forbidden("A partner sees its own tenant's statistics only");
        }
        return own;
    }
}
