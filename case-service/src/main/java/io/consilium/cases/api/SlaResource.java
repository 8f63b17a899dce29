package io.consilium.cases.api;

import io.consilium.cases.domain.SlaClock;
import io.consilium.cases.service.CaseLookup;
import io.consilium.cases.service.SlaClocks;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A case's SLA clocks, and pausing them while the personal doctor waits on the patient. */
@Path("/api/v1/cases/{caseId}/sla")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SLA")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "404", description = "No such case, or not visible", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SlaResource {

    public record ClockView(String kind, String status, Instant startedAt, Instant dueAt, boolean paused,
                            long pausedSeconds, Instant stoppedAt, int budgetBusinessDays) {
        static ClockView of(SlaClock c, Instant now) {
            return new ClockView(c.kind.name(), c.status.name(), c.startedAt, c.dueAt(now), c.paused(),
                    c.pausedSeconds, c.stoppedAt, c.budgetBusinessDays);
        }
    }

    private final SlaClocks clocks;
    private final CaseLookup lookup;
    private final CurrentCaller caller;
    private final Clock clock;

    SlaResource(SlaClocks clocks, CaseLookup lookup, CurrentCaller caller, Clock clock) {
        this.clocks = clocks;
        this.lookup = lookup;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.PATIENT, Roles.PARTNER, Roles.CASE_MANAGER, Roles.OPS})
    @Operation(summary = "The case's SLA clocks")
    public List<ClockView> clocks(@PathParam("caseId") UUID caseId) {
        lookup.visible(caller.get(), caseId, "READ_SLA");
        return clocks.ofCase(caseId).stream().map(c -> ClockView.of(c, clock.instant())).toList();
    }

    @POST
    @Path("/pause")
    @RolesAllowed(Roles.CASE_MANAGER)
    @Operation(summary = "Pause the running clocks while waiting on the patient (personal doctor)")
    @APIResponse(responseCode = "409", description = "Nothing running to pause", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ClockView> pause(@PathParam("caseId") UUID caseId) {
        return clocks.pause(caller.get(), caseId).stream().map(c -> ClockView.of(c, clock.instant())).toList();
    }

    @POST
    @Path("/resume")
    @RolesAllowed(Roles.CASE_MANAGER)
    @Operation(summary = "Resume the paused clocks (personal doctor)")
    @APIResponse(responseCode = "409", description = "Nothing paused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ClockView> resume(@PathParam("caseId") UUID caseId) {
        return clocks.resume(caller.get(), caseId).stream().map(c -> ClockView.of(c, clock.instant())).toList();
    }
}
