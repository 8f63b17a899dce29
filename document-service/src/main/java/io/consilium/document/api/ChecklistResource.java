package io.consilium.document.api;

import io.consilium.document.domain.ChecklistItem;
import io.consilium.document.service.ChecklistReview;
import io.consilium.platform.http.EntityTags;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import java.util.UUID;

/** The checklist of a case and the case manager's review of its items. */
@Path("/api/v1/cases/{caseId}/checklist")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Checklist")
@SecurityRequirement(name = "SecurityScheme")
public class ChecklistResource {

    private final ChecklistReview review;
    private final CurrentCaller caller;

    ChecklistResource(ChecklistReview review, CurrentCaller caller) {
        this.review = review;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PATIENT, Roles.CASE_MANAGER, Roles.SPECIALIST})
    @Operation(summary = "The case's checklist: the requested specialty's items and the record requests merged into one list",
            description = "Codes are normalised to one vocabulary (LAB_RESULT and LAB_RESULTS are one item); `sources` says who asked "
                    + "(SPECIALTY, REQUEST, SPECIMEN), `requestedBy` which personal doctor; `openItems` are the required items neither "
                    + "accepted nor waived.")
    @APIResponse(responseCode = "200", description = "The checklist",
            content = @Content(schema = @Schema(implementation = ChecklistView.class)))
    public ChecklistView get(@PathParam("caseId") UUID caseId) {
        ChecklistReview.View view = review.view(caller.get(), caseId);
        return ChecklistView.of(caseId, view.complete(), view.items());
    }

    @POST
    @Path("/items/{itemId}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CASE_MANAGER)
    @Operation(summary = "Accept or reject a received item (the assigned case manager)",
            description = "When every required item is accepted, consilium.document.checklist-completed.v1 is published. Send If-Match with the item's version to avoid deciding on a state you have not seen.")
    @APIResponse(responseCode = "200", description = "The item after the decision",
            content = @Content(schema = @Schema(implementation = ChecklistView.Item.class)))
    @APIResponse(responseCode = "409", description = "The item has no document to review",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response review(@PathParam("caseId") UUID caseId, @PathParam("itemId") UUID itemId,
                           @HeaderParam("If-Match") String ifMatch,
                           @NotNull(message = "a request body is required") @Valid ReviewRequest request) {
        ChecklistItem item = review.review(caller.get(), caseId, itemId,
                ChecklistReview.Decision.valueOf(request.decision()), request.reason(), ifMatch);
        return Response.ok(ChecklistView.Item.of(item)).tag(EntityTags.of(item.version)).build();
    }

    @POST
    @Path("/items/{itemId}/waiver")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CASE_MANAGER)
    @Operation(summary = "Waive an item with a reason (the assigned case manager)",
            description = "The case does without this record: the item becomes WAIVED, no longer holds the records back, "
                    + "and shows who waived it, when and why. Audited (WAIVE). Publishes consilium.document.checklist-changed.v1, "
                    + "and checklist-completed when it was the last open required item. A later record request naming the "
                    + "code as required opens it again. Send If-Match with the item's version.")
    @APIResponse(responseCode = "200", description = "The waived item",
            content = @Content(schema = @Schema(implementation = ChecklistView.Item.class)))
    @APIResponse(responseCode = "409", description = "The item is accepted or waived already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response waive(@PathParam("caseId") UUID caseId, @PathParam("itemId") UUID itemId,
                          @HeaderParam("If-Match") String ifMatch,
                          @NotNull(message = "a request body is required") @Valid WaiverRequest request) {
        ChecklistItem item = review.waive(caller.get(), caseId, itemId, request.reason(), ifMatch);
        return Response.ok(ChecklistView.Item.of(item)).tag(EntityTags.of(item.version)).build();
    }
}
