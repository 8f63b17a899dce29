package io.consilium.cases.api;

import io.consilium.cases.api.CaseStepRequests.AssignManager;
import io.consilium.cases.api.CaseStepRequests.Cancel;
import io.consilium.cases.api.CaseStepRequests.Discussion;
import io.consilium.cases.api.CaseStepRequests.CompleteRecords;
import io.consilium.cases.api.CaseStepRequests.RequestRecords;
import io.consilium.cases.api.CaseStepRequests.RequestReview;
import io.consilium.cases.events.RecordsRequested;
import io.consilium.cases.service.CaseClosure;
import io.consilium.cases.service.ManagerAssignment;
import io.consilium.cases.service.RecordsAndReview;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/**
 * The lifecycle steps after submission. Each answers the case (with its new ETag); 404 when the case is not
 * visible, 403 when the caller's part may not take the step, 409 when the state does not allow it, 412 on a
 * stale If-Match.
 */
@Path("/api/v1/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Case lifecycle")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "200", description = "The case after the step", content = @Content(schema = @Schema(implementation = CaseView.class)))
@APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not allowed for the caller's part in the case", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such case, or not visible", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "The case's state does not allow the step", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "412", description = "If-Match names an older version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CaseStepsResource {

    private final ManagerAssignment assignment;
    private final RecordsAndReview recordsAndReview;
    private final CaseClosure closure;
    private final CurrentCaller caller;

    CaseStepsResource(ManagerAssignment assignment, RecordsAndReview recordsAndReview, CaseClosure closure,
                      CurrentCaller caller) {
        this.assignment = assignment;
        this.recordsAndReview = recordsAndReview;
        this.closure = closure;
        this.caller = caller;
    }

    @PUT
    @Path("/manager")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Assign or hand over the personal doctor (ops)")
    public Response assignManager(@PathParam("caseId") UUID caseId, @HeaderParam("If-Match") String ifMatch,
                                  @NotNull @Valid AssignManager body) {
        return CaseAnswers.changed(caller.get(), assignment.assignByOps(caller.get(), caseId, ifMatch, body.managerId()));
    }

    @POST
    @Path("/records-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CASE_MANAGER)
    @Operation(summary = "Ask for records (personal doctor)", description = "Publishes consilium.case.records-requested.v1; document-service adds the items to the case's checklist.")
    public Response requestRecords(@PathParam("caseId") UUID caseId, @HeaderParam("If-Match") String ifMatch,
                                   @NotNull @Valid RequestRecords body) {
        var items = body.items().stream().map(i -> new RecordsRequested.Item(i.code(), i.label(), i.required())).toList();
        return CaseAnswers.changed(caller.get(), recordsAndReview.requestRecords(caller.get(), caseId, ifMatch, items));
    }

    @POST
    @Path("/records-complete")
    @RolesAllowed(Roles.CASE_MANAGER)
    @Operation(summary = "Mark the records complete (personal doctor)", description = "COLLECTING_RECORDS to READY_FOR_REVIEW; stops the records SLA clock. "
            + "Refused with 409 while document-service's checklist has a required item neither accepted nor waived (or has not been "
            + "reported yet): the problem's `openItems` lists them ({code, state}) and `reason` is CHECKLIST_OPEN or CHECKLIST_UNKNOWN. "
            + "An optional body `{\"overrideReason\": ...}` completes anyway; the reason and the open items are kept on the case, "
            + "published in consilium.case.records-completed.v1 and shown in the timeline.")
    @APIResponse(responseCode = "409", description = "The case is not collecting records, or required checklist items are open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(name = "open items", value = """
                            {"type":"urn:consilium:problem:conflict","title":"Conflict","status":409,
                             "detail":"2 required checklist item(s) are neither accepted nor waived: IMAGING, LAB_RESULTS; accept or waive them, or give an overrideReason to complete anyway",
                             "instance":"/api/v1/cases/0e9d6c1a-3b7f-4e2a-8c5d-9f1b2a4c6e80/records-complete",
                             "reason":"CHECKLIST_OPEN","openItems":[{"code":"IMAGING","state":"RECEIVED"},{"code":"LAB_RESULTS","state":"PENDING"}]}""")))
    @Consumes(MediaType.APPLICATION_JSON)
    public Response completeRecords(@PathParam("caseId") UUID caseId, @HeaderParam("If-Match") String ifMatch,
                                    @Valid CompleteRecords body) {
        return CaseAnswers.changed(caller.get(), recordsAndReview.completeRecords(caller.get(), caseId, ifMatch,
                body == null ? null : body.overrideReason()));
    }

    /**
     * The same step without a body (no override), as clients called it before the override existed: a request
     * without Content-Type is not JSON, so it lands here rather than on a JSON reader that would answer 415.
     */
    @POST
    @Path("/records-complete")
    @RolesAllowed(Roles.CASE_MANAGER)
    @Operation(hidden = true)
    public Response completeRecordsWithoutBody(@PathParam("caseId") UUID caseId, @HeaderParam("If-Match") String ifMatch) {
        return CaseAnswers.changed(caller.get(), recordsAndReview.completeRecords(caller.get(), caseId, ifMatch, null));
    }

    @POST
    @Path("/review-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CASE_MANAGER)
    @Operation(summary = "Ask for a panel of specialists (personal doctor)", description = "Names the panel's seats (a specialty and optional focus each; or a specialty and a panel size) and country rules. Needs the patient's RECORDS_TO_SPECIALISTS consent; the seats must fit the plan (its panel size and covered specialties) and the country rules must be satisfiable within the plan's and the consent's countries (else 422 naming the field). Publishes consilium.case.review-requested.v1 with the plan's deadlines for the case's urgency and starts the review SLA clock.")
    @APIResponse(responseCode = "422", description = "Seats or country rules the plan, the consent or each other do not allow", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response requestReview(@PathParam("caseId") UUID caseId, @HeaderParam("If-Match") String ifMatch,
                                  @NotNull @Valid RequestReview body) {
        return CaseAnswers.changed(caller.get(), recordsAndReview.requestReview(caller.get(), caseId, ifMatch,
                body.namedSeats(), body.specialty(), body.panelSize(), body.subspecialty(), body.countryRulesOrNone()));
    }

    @POST
    @Path("/discussion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CASE_MANAGER)
    @Operation(summary = "Record the discussion of the report with the patient (personal doctor)")
    public Response recordDiscussion(@PathParam("caseId") UUID caseId, @HeaderParam("If-Match") String ifMatch,
                                     @NotNull @Valid Discussion body) {
        return CaseAnswers.changed(caller.get(), closure.recordDiscussion(caller.get(), caseId, ifMatch, body.summary()));
    }

    @POST
    @Path("/close")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.OPS})
    @Operation(summary = "Close the case (personal doctor or ops)")
    public Response close(@PathParam("caseId") UUID caseId, @HeaderParam("If-Match") String ifMatch) {
        return CaseAnswers.changed(caller.get(), closure.close(caller.get(), caseId, ifMatch));
    }

    @POST
    @Path("/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PATIENT, Roles.PARTNER, Roles.CASE_MANAGER, Roles.OPS})
    @Operation(summary = "Cancel the case", description = "Any state before IN_REVIEW; stops the SLA clocks and publishes consilium.case.cancelled.v1.")
    public Response cancel(@PathParam("caseId") UUID caseId, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid Cancel body) {
        return CaseAnswers.changed(caller.get(), closure.cancel(caller.get(), caseId, ifMatch, body.reason()));
    }
}
