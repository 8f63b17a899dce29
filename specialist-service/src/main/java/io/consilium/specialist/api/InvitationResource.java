package io.consilium.specialist.api;

import io.consilium.platform.http.EntityTags;
import io.consilium.platform.http.QueryValues;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import io.consilium.specialist.domain.Invitation;
import io.consilium.specialist.domain.InvitationState;
import io.consilium.specialist.service.InvitationLookup;
import io.consilium.specialist.service.PanelAssembly;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** A specialist's invitations: list, read, accept, decline. Another specialist's invitation answers 404. */
@Path("/api/v1/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Invitations")
@SecurityRequirement(name = "SecurityScheme")
public class InvitationResource {

    private final InvitationLookup lookup;
    private final PanelAssembly assembly;
    private final CurrentCaller currentCaller;

    InvitationResource(InvitationLookup lookup, PanelAssembly assembly, CurrentCaller currentCaller) {
        this.lookup = lookup;
        this.assembly = assembly;
        this.currentCaller = currentCaller;
    }

    @GET
    @Transactional
    @RolesAllowed(Roles.SPECIALIST)
    @Operation(summary = "The caller's own invitations, newest first")
    @APIResponse(responseCode = "200", description = "One page of invitations")
    public Page<InvitationView> mine(@BeanParam @Valid PageRequest page,
                                     @Parameter(description = "INVITED, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN or RELEASED")
                                     @QueryParam("state") String state) {
        InvitationState wanted = QueryValues.enumValue("state", state, InvitationState.class);
        Parameters params = Parameters.with("subject", caller().subject());
        String where = "specialistSubject = :subject";
        if (wanted != null) {
            where += " and state = :state";
            params.and("state", wanted);
        }
        PanacheQuery<Invitation> query = Invitation.find(where, Sort.descending("invitedAt").and("id"), params);
        return Page.of(query, page)
                .map(InvitationView::of);
    }

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.SPECIALIST, Roles.OPS})
    @Operation(summary = "Read one invitation")
    @APIResponse(responseCode = "200", description = "The invitation", content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "404", description = "No such invitation, or another specialist's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Invitation invitation = lookup.visible(caller(), id, "READ");
        return Response.ok(InvitationView.of(invitation)).tag(EntityTags.of(invitation.version)).build();
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(Roles.SPECIALIST)
    @Operation(summary = "Accept: take a seat on the panel",
            description = "Reserves one seat of the specialist's monthly capacity; publishes accepted (and panel-assembled when it was the last seat).")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "404", description = "No such invitation, or another specialist's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already answered, past its deadline, or no capacity left",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response accept(@PathParam("id") UUID id,
                           @Parameter(description = "ETag of the version the caller saw") @HeaderParam("If-Match") String ifMatch) {
        Invitation invitation = assembly.accept(caller(), id, ifMatch);
        return Response.ok(InvitationView.of(invitation)).tag(EntityTags.of(invitation.version)).build();
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SPECIALIST)
    @Operation(summary = "Decline, with a reason", description = "The next candidate is invited at once.")
    @APIResponse(responseCode = "200", description = "Declined", content = @Content(schema = @Schema(implementation = InvitationView.class)))
    @APIResponse(responseCode = "404", description = "No such invitation, or another specialist's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already answered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response decline(@PathParam("id") UUID id,
                            @Parameter(description = "ETag of the version the caller saw") @HeaderParam("If-Match") String ifMatch,
                            @NotNull(message = "a request body is required") @Valid DeclineRequest request) {
        Invitation invitation = assembly.decline(caller(), id, request.reason(), ifMatch);
        return Response.ok(InvitationView.of(invitation)).tag(EntityTags.of(invitation.version)).build();
    }

    private Caller caller() {
        return currentCaller.get();
    }
}
