package io.consilium.cases.api;

import io.consilium.cases.domain.RosterMember;
import io.consilium.cases.service.RosterImport;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Member rosters, uploaded in bulk by the partner (or by ops for a tenant). */
@Path("/api/v1/roster")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans and rosters")
@SecurityRequirement(name = "SecurityScheme")
public class RosterResource {

    public record MemberView(String tenant, String memberId, UUID planId, LocalDate validFrom, LocalDate validTo) {
    }

    private final RosterImport rosterImport;
    private final CurrentCaller caller;

    RosterResource(RosterImport rosterImport, CurrentCaller caller) {
        this.rosterImport = rosterImport;
        this.caller = caller;
    }

    @POST
    @Consumes({"text/csv", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PARTNER, Roles.OPS})
    @Operation(summary = "Upload members (CSV or JSON array)",
            description = "Rows: memberId, plan (the plan's name), validFrom, validTo (optional). CSV needs a header line. Rows are upserted; invalid rows are reported (line and reasons, first 1000) and skipped. A body that is not well-formed changes nothing.")
    @APIResponse(responseCode = "200", description = "Import report")
    @APIResponse(responseCode = "400", description = "Not a roster (no header, not an array, malformed JSON)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RosterImport.Report upload(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                      @QueryParam("tenant") @Size(max = 100) String tenant, InputStream body) {
        String target = targetTenant(caller.get(), tenant);
        return contentType != null && contentType.startsWith("text/csv")
                ? rosterImport.importCsv(target, body)
                : rosterImport.importJson(target, body);
    }

    @GET
    @Path("/{memberId}")
    @Transactional
    @RolesAllowed({Roles.PARTNER, Roles.OPS})
    @Operation(summary = "One member's coverage")
    @APIResponse(responseCode = "404", description = "Not in the roster", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MemberView member(@PathParam("memberId") String memberId, @QueryParam("tenant") @Size(max = 100) String tenant) {
        String target = targetTenant(caller.get(), tenant);
        RosterMember m = RosterMember.findById(new RosterMember.Key(target, memberId));
        if (m == null) {
            throw new ProblemException.NotFound("Member " + memberId);
        }
        return new MemberView(m.tenant, m.memberId, m.planId, m.validFrom, m.validTo);
    }

    /** Partners work on their own tenant only; ops name the tenant. */
    private static String targetTenant(Caller caller, String tenant) {
        if (caller.is(Roles.OPS)) {
            if (tenant == null || tenant.isBlank()) {
                throw new ProblemException.InvalidRequest("Ops must name the tenant",
                        List.of(new Violation("tenant", "is required for ops")));
            }
            return tenant;
        }
        String own = caller.requireTenant();
        if (tenant != null && !Objects.equals(tenant, own)) {
            throw new ProblemException.Forbidden("A partner may only manage its own tenant's roster");
        }
        return own;
    }
}
