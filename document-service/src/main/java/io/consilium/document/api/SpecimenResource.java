package io.consilium.document.api;

import io.consilium.document.service.Specimens;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Physical specimens: requested, shipped, received by the specialist's lab, returned. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Specimens")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "409", description = "The specimen is not in the state this step follows",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SpecimenResource {

    private final Specimens specimens;
    private final CurrentCaller caller;

    SpecimenResource(Specimens specimens, CurrentCaller caller) {
        this.specimens = specimens;
        this.caller = caller;
    }

    @GET
    @Path("/cases/{caseId}/specimens")
    @RolesAllowed({Roles.PATIENT, Roles.CASE_MANAGER, Roles.SPECIALIST})
    @Operation(summary = "The case's specimens")
    public List<SpecimenView> ofCase(@PathParam("caseId") UUID caseId) {
        return specimens.ofCase(caller.get(), caseId).stream().map(SpecimenView::of).toList();
    }

    @POST
    @Path("/cases/{caseId}/specimens")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CASE_MANAGER)
    @Operation(summary = "Request a specimen (the assigned case manager)",
            description = "Adds a required item SPECIMEN_<n> to the case's checklist; it is received when the destination confirms receipt, then accepted or waived by the case manager.")
    @APIResponse(responseCode = "201", description = "Requested", content = @Content(schema = @Schema(implementation = SpecimenView.class)))
    public Response request(@PathParam("caseId") UUID caseId,
                            @NotNull(message = "a request body is required") @Valid SpecimenRequests.Request body) {
        return Response.status(201).entity(SpecimenView.of(specimens.request(caller.get(), caseId, body.description(),
                SpecimenRequests.Destination.of(body.destination())))).build();
    }

    @POST
    @Path("/specimens/{specimenId}/shipment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CASE_MANAGER)
    @Operation(summary = "Record the shipment (carrier, tracking id, destination unless the request named it); publishes specimen-shipped")
    @APIResponse(responseCode = "422", description = "No destination known",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SpecimenView ship(@PathParam("specimenId") UUID specimenId,
                             @NotNull(message = "a request body is required") @Valid SpecimenRequests.Shipment body) {
        return SpecimenView.of(specimens.ship(caller.get(), specimenId, body.carrier(), body.trackingId(),
                SpecimenRequests.Destination.of(body.destination())));
    }

    @POST
    @Path("/specimens/{specimenId}/return-shipment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SPECIALIST, Roles.CASE_MANAGER})
    @Operation(summary = "Record the return leg (carrier, tracking id); publishes specimen-return-shipped")
    public SpecimenView shipBack(@PathParam("specimenId") UUID specimenId,
                                 @NotNull(message = "a request body is required") @Valid SpecimenRequests.ReturnShipment body) {
        return SpecimenView.of(specimens.shipBack(caller.get(), specimenId, body.carrier(), body.trackingId()));
    }

    @POST
    @Path("/specimens/{specimenId}/receipt")
    @RolesAllowed({Roles.SPECIALIST, Roles.CASE_MANAGER})
    @Operation(summary = "Confirm receipt at the specialist's lab; publishes specimen-received")
    public SpecimenView receive(@PathParam("specimenId") UUID specimenId) {
        return SpecimenView.of(specimens.receive(caller.get(), specimenId));
    }

    @POST
    @Path("/specimens/{specimenId}/return")
    @RolesAllowed({Roles.SPECIALIST, Roles.CASE_MANAGER})
    @Operation(summary = "Record that the specimen is back (after its return leg, or collected by hand from the destination)")
    public SpecimenView giveBack(@PathParam("specimenId") UUID specimenId) {
        return SpecimenView.of(specimens.giveBack(caller.get(), specimenId));
    }
}
