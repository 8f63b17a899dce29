package io.consilium.cases.api;

import io.consilium.cases.domain.Plan;
import io.consilium.cases.domain.ReviewDeadlines;
import io.consilium.cases.domain.Urgency;
import io.consilium.cases.service.PlanCatalogue;
import io.consilium.cases.service.PlanTerms;
import io.consilium.platform.http.EntityTags;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Insurers' plans: managed by ops, readable by the partner of the plan's tenant. */
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans and rosters")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "400", description = "Invalid plan", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such plan, or not visible", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PlanResource {

    public record PlanRequest(
            @Schema(examples = "acme") @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+") String tenant,
            @Schema(examples = "Gold") @NotBlank @Size(max = 200) String name,
            @Schema(examples = "[\"oncology\", \"urology\"]")
            @NotEmpty @Size(max = 100) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be a lower-case specialty slug") String> coveredSpecialties,
            @Min(1) @Max(100) int opinionsPerMemberPerYear,
            @Schema(description = "Empty = any country", examples = "[\"DE\", \"ES\", \"US\"]")
            @Size(max = 100) List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String> allowedSpecialistCountries,
            @Min(1) @Max(120) int recordsSlaBusinessDays,
            @Min(1) @Max(120) int reviewSlaBusinessDays,
            @Schema(description = "Days (UTC) on which SLA clocks do not count, such as public holidays; weekends never count",
                    examples = "[\"2026-12-25\", \"2027-01-01\"]")
            @Size(max = 400) List<@NotNull LocalDate> holidays,
            @Min(1) @Max(3) int maxPanelSize,
            boolean active,
            @Schema(description = "Hours to accept an invitation and then to report, per urgency; absent: URGENT 24 h / 72 h, ROUTINE 48 h / 168 h")
            @Valid Deadlines deadlines) {

        PlanTerms terms() {
            return new PlanTerms(tenant, name, coveredSpecialties, opinionsPerMemberPerYear,
                    allowedSpecialistCountries, recordsSlaBusinessDays, reviewSlaBusinessDays, holidays, maxPanelSize, active,
                    deadlines == null ? null : deadlines.urgent().terms(), deadlines == null ? null : deadlines.routine().terms());
        }
    }

    /** A plan's deadlines: both urgencies, the urgent lane no slower than the routine one. */
    public record Deadlines(@NotNull @Valid Lane urgent, @NotNull @Valid Lane routine) {
    }

    public record Lane(
            @Schema(description = "Hours from invitation to the deadline to accept", examples = "24")
            @NotNull @Min(1) @Max(720) Integer acceptWithinHours,
            @Schema(description = "Hours from acceptance to the report", examples = "72")
            @NotNull @Min(1) @Max(2880) Integer reportWithinHours) {
        ReviewDeadlines terms() {
            return new ReviewDeadlines(acceptWithinHours, reportWithinHours);
        }

        static Lane of(ReviewDeadlines d) {
            return new Lane(d.acceptWithinHours(), d.reportWithinHours());
        }
    }

    public record PlanView(UUID id, String tenant, String name, List<String> coveredSpecialties,
                           int opinionsPerMemberPerYear, List<String> allowedSpecialistCountries,
                           int recordsSlaBusinessDays, int reviewSlaBusinessDays, List<String> holidays,
                           int maxPanelSize, boolean active, Deadlines deadlines,
                           Instant createdAt, Instant updatedAt, long version) {
        static PlanView of(Plan p) {
            // the request's shape, so a plan read can be changed and put back as it is
            Deadlines deadlines = new Deadlines(Lane.of(p.deadlinesFor(Urgency.URGENT)), Lane.of(p.deadlinesFor(Urgency.ROUTINE)));
            return new PlanView(p.id, p.tenant, p.name, p.coveredSpecialties, p.opinionsPerMemberPerYear,
                    p.allowedSpecialistCountries, p.recordsSlaBusinessDays, p.reviewSlaBusinessDays, p.holidays,
                    p.maxPanelSize,
                    p.active, deadlines, p.createdAt, p.updatedAt, p.version);
        }
    }

    private final PlanCatalogue plans;
    private final CurrentCaller caller;

    PlanResource(PlanCatalogue plans, CurrentCaller caller) {
        this.plans = plans;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Create a plan (ops)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "The tenant has a plan of that name", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull @Valid PlanRequest body) {
        Plan p = plans.create(body.terms());
        return Response.status(201).entity(PlanView.of(p)).tag(EntityTags.of(p.version)).build();
    }

    @PUT
    @Path("/{planId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Change a plan (ops)", description = "The tenant cannot change. If-Match honoured.")
    public Response update(@PathParam("planId") UUID planId, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid PlanRequest body) {
        Plan p = plans.update(planId, ifMatch, body.terms());
        return Response.ok(PlanView.of(p)).tag(EntityTags.of(p.version)).build();
    }

    @GET
    @Path("/{planId}")
    @RolesAllowed({Roles.OPS, Roles.PARTNER})
    @Operation(summary = "One plan (ops, or the partner of its tenant)")
    public Response get(@PathParam("planId") UUID planId) {
        Plan p = plans.visible(caller.get(), planId);
        return Response.ok(PlanView.of(p)).tag(EntityTags.of(p.version)).build();
    }

    @GET
    @RolesAllowed({Roles.OPS, Roles.PARTNER})
    @Operation(summary = "Plans of a tenant (partners: their own; ops: any, or all)")
    public List<PlanView> list(@QueryParam("tenant") @Size(max = 100) String tenant) {
        return plans.list(caller.get(), tenant).stream().map(PlanView::of).toList();
    }
}
