package io.consilium.cases.api;

import io.consilium.cases.api.CaseStepRequests.FollowUpOutcome;
import io.consilium.cases.api.CaseStepRequests.ScheduleFollowUps;
import io.consilium.cases.domain.FollowUp;
import io.consilium.cases.service.CaseClosure;
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

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Follow-up check-ins after the report and their outcomes (the seed's step 6). */
@Path("/api/v1/cases/{caseId}/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-up")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "404", description = "No such case or follow-up, or not visible", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "Not allowed in the case's state, or already recorded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class FollowUpResource {

    public record FollowUpView(UUID id, Instant dueAt, String treatmentChosen, String treatmentCode,
                               String opinionFollowed, String providerId, Instant recordedAt) {
        static FollowUpView of(FollowUp f) {
            return new FollowUpView(f.id, f.dueAt, f.treatmentChosen, f.treatmentCode, f.opinionFollowed, f.providerId,
                    f.recordedAt);
        }
    }

    private final CaseClosure closure;
    private final CurrentCaller caller;

    FollowUpResource(CaseClosure closure, CurrentCaller caller) {
        this.closure = closure;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CASE_MANAGER)
    @Operation(summary = "Schedule the check-ins (personal doctor)", description = "REPORT_DELIVERED to FOLLOW_UP; default 30, 90 and 180 days after the report.")
    @APIResponse(responseCode = "201", description = "Scheduled")
    public Response schedule(@PathParam("caseId") UUID caseId, @HeaderParam("If-Match") String ifMatch,
                             @Valid ScheduleFollowUps body) {
        List<FollowUp> planned = closure.scheduleFollowUps(caller.get(), caseId, ifMatch,
                body == null ? null : body.daysAfterReport());
        return Response.status(201).entity(planned.stream().map(FollowUpView::of).toList()).build();
    }

    @POST
    @Path("/{followUpId}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CASE_MANAGER)
    @Operation(summary = "Record a check-in's outcome (personal doctor)")
    public FollowUpView record(@PathParam("caseId") UUID caseId, @PathParam("followUpId") UUID followUpId,
                               @NotNull @Valid FollowUpOutcome body) {
        return FollowUpView.of(closure.recordFollowUp(caller.get(), caseId, followUpId, body.treatmentChosen(),
                body.opinionFollowed(), body.providerId(), body.treatmentCode(), body.notes()));
    }

    @GET
    @RolesAllowed({Roles.PATIENT, Roles.CASE_MANAGER})
    @Operation(summary = "The case's check-ins (patient and personal doctor: outcomes are clinical content)")
    public List<FollowUpView> list(@PathParam("caseId") UUID caseId) {
        return closure.followUps(caller.get(), caseId).stream().map(FollowUpView::of).toList();
    }
}
