package io.consilium.cases.api;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.consilium.platform.http.QueryValues;
import io.consilium.cases.service.OpsQueue;
import io.consilium.cases.service.FollowUpsDue;
import io.consilium.cases.service.SlaClocks;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** The operations queue: unassigned cases and SLA risk across tenants. */
@Path("/api/v1/ops")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
@Tag(name = "Operations")
@SecurityRequirement(name = "SecurityScheme")
public class OpsQueueResource {

    private final OpsQueue queue;
    private final SlaClocks clocks;
    private final FollowUpsDue followUpsDue;

    OpsQueueResource(OpsQueue queue, SlaClocks clocks, FollowUpsDue followUpsDue) {
        this.queue = queue;
        this.clocks = clocks;
        this.followUpsDue = followUpsDue;
    }

    @GET
    @Path("/queue")
    @Operation(summary = "Unassigned cases, then running SLA clocks by time left (breached first)")
    public List<OpsQueue.Item> queue(@QueryParam("tenant") @Size(max = 100) String tenant,
                                     @Parameter(description = "1 to 1000, default 100", schema = @Schema(type = SchemaType.INTEGER))
                               @QueryParam("limit") String limit) {
        return queue.items(tenant, QueryValues.integer("limit", limit, 100, 1, 1000));
    }

    @POST
    @Path("/sla-evaluations")
    @Operation(summary = "Re-evaluate every running SLA clock now (it also runs on a schedule)")
    public Map<String, Integer> evaluate() {
        return Map.of("changed", clocks.evaluateAll());
    }

    @POST
    @Path("/follow-up-checks")
    @Operation(summary = "Announce every check-in now due without an outcome (it also runs on a schedule)")
    public Map<String, Integer> announceDueFollowUps() {
        return Map.of("announced", followUpsDue.announceDue());
    }
}
