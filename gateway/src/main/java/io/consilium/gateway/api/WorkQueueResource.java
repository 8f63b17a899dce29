package io.consilium.gateway.api;

import io.consilium.gateway.service.WorkQueues;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /api/v1/me/work-queue}: a personal doctor's assigned cases ordered by SLA. Case managers only: the
 * parts are read with the caller's token, and case-service lists a personal doctor the cases assigned to them.
 */
@Tag(name = "Aggregates", description = "One call for what a screen needs, each part fetched with the caller's own token from its service")
@Path("/api/v1/me/work-queue")
@RolesAllowed(Roles.CASE_MANAGER)
public class WorkQueueResource {

    private final WorkQueues queues;

    WorkQueueResource(WorkQueues queues) {
        this.queues = queues;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "My assigned cases ordered by SLA, with what each waits on, in one call",
            description = "One page of the caller's cases (case-service), each with its SLA clocks (read per case "
                    + "with the caller's token) and what it waits on, ordered by the earliest due time of a running "
                    + "clock. Clocks that do not come in within the aggregate timeout are named sla:<caseId> in "
                    + "missing, with partial: true; such a case goes last.")
    @APIResponse(responseCode = "200", description = "The queue, possibly partial")
    public Uni<WorkQueue> queue(@BeanParam @Valid PageRequest page, @Context HttpServerRequest request) {
        return Uni.createFrom().completionStage(queues.fetch(page.page(), page.size(), CallerHeaders.of(request))
                .toCompletionStage()).map(WorkQueue::of);
    }
}
