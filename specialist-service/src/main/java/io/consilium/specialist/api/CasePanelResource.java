package io.consilium.specialist.api;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.consilium.platform.http.QueryValues;
import io.consilium.platform.http.EntityTags;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import io.consilium.specialist.domain.Invitation;
import io.consilium.specialist.domain.PanelRequest;
import io.consilium.specialist.service.CaseViews;
import io.consilium.specialist.service.PanelAssembly;
import io.consilium.specialist.service.RankingQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import java.util.UUID;

/** A case's panel: ops see the ranking and the invitations and may override; specialists read the case summary. */
@Path("/api/v1/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Panels")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "404", description = "No panel request for this case, or not visible to the caller",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CasePanelResource {

    private final RankingQuery ranking;
    private final PanelAssembly assembly;
    private final CaseViews views;
    private final CurrentCaller caller;

    CasePanelResource(RankingQuery ranking, PanelAssembly assembly, CaseViews views, CurrentCaller caller) {
        this.ranking = ranking;
        this.assembly = assembly;
        this.views = views;
        this.caller = caller;
    }

    @GET
    @Path("/ranking")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "The explained ranking for each seat of the case's panel",
            description = "Per seat: who holds it, whether the panel's country rule needs it filled from outside the patient's country, candidates best first with their score parts, and the excluded specialists of the seat's specialty with the rule that excluded them.")
    @APIResponse(responseCode = "200", description = "The ranking per seat", content = @Content(schema = @Schema(implementation = PanelRankingView.class)))
    public PanelRankingView ranking(@PathParam("caseId") UUID caseId,
                               @Parameter(description = "1 to 100, default 20", schema = @Schema(type = SchemaType.INTEGER))
                               @QueryParam("limit") String limit) {
        return PanelRankingView.of(ranking.forCase(caseId), QueryValues.integer("limit", limit, 20, 1, 100));
    }

    @GET
    @Path("/panel")
    @Transactional
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "The case's panel and every invitation so far")
    @APIResponse(responseCode = "200", description = "The panel", content = @Content(schema = @Schema(implementation = PanelView.class)))
    public PanelView panel(@PathParam("caseId") UUID caseId) {
        PanelRequest panel = PanelRequest.findById(caseId);
        if (panel == null) {
            throw new ProblemException.NotFound("Panel request of case " + caseId);
        }
        return PanelView.of(panel, Invitation.ofCase(caseId));
    }

    @POST
    @Path("/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Invite a named specialist (override the ranking)",
            description = "Fills a free seat (the one named, else the first of the specialist's specialty, else the first). Refused with 422 for a conflict of interest, a country not allowed (or needed from outside the patient's country by the panel's country rule), an inactive specialist or one without login; 409 when the panel (or the named seat) has no free seat or the specialist was invited before.")
    @APIResponse(responseCode = "201", description = "Invited", content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "409", description = "No free seat, or invited before",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The specialist may not take this case",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response override(@PathParam("caseId") UUID caseId,
                             @NotNull(message = "a request body is required") @Valid OverrideRequest request) {
        Invitation invitation = assembly.override(caseId, request.specialistId(), request.seat(), request.reason());
        return Response.status(201).tag(EntityTags.of(invitation.version)).entity(InvitationView.of(invitation)).build();
    }

    @GET
    @Path("/summary")
    @RolesAllowed(Roles.SPECIALIST)
    @Operation(summary = "The case as the invited specialist sees it",
            description = "A de-identified summary while invited; after accepting and while the patient's consent covers the specialist, the full view. Not invited: 404.")
    @APIResponse(responseCode = "200", description = "The case", content = @Content(schema = @Schema(implementation = SpecialistCaseView.class)))
    public SpecialistCaseView summary(@PathParam("caseId") UUID caseId) {
        return SpecialistCaseView.of(views.forSpecialist(caller.get(), caseId));
    }
}
