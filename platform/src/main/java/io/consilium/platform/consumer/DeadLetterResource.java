package io.consilium.platform.consumer;

import io.consilium.platform.http.QueryValues;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Every service's dead letters, for ops: see what its consumers could not apply, replay or discard it. */
@Path("/api/v1/ops/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
@Tag(name = "Dead letters", description = "Events this service's consumers could not apply")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "404", description = "No such dead letter",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DeadLetterResource {

    public record Discard(@NotBlank @Size(max = 1000)
                          @Schema(examples = "Event for a case deleted by the partner's test run") String reason) {
    }

    private final DeadLetters deadLetters;
    private final DeadLetterReplay replay;
    private final CurrentCaller caller;

    DeadLetterResource(DeadLetters deadLetters, DeadLetterReplay replay, CurrentCaller caller) {
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Dead letters, most recently failed first")
    public Page<DeadLetter> list(@Parameter(description = "OPEN, REPLAYED or DISCARDED") @QueryParam("status")
                                 String status,
                                 @Parameter(description = "The consumer's name, e.g. case-progress")
                                 @QueryParam("consumer") String consumer,
                                 @QueryParam("caseId") String caseId,
                                 @QueryParam("tenant") String tenant,
                                 @BeanParam @Valid PageRequest page) {
        return deadLetters.list(new DeadLetters.Filter(QueryValues.enumValue("status", status, DeadLetter.Status.class),
                QueryValues.text(consumer), QueryValues.uuid("caseId", caseId), QueryValues.text(tenant)), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One dead letter (never its payload)")
    public DeadLetter get(@PathParam("id") UUID id) {
        return deadLetters.find(id).orElseThrow(() -> new ProblemException.NotFound("Dead letter " + id));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Apply the event again through its consumer, once its cause is fixed")
    @APIResponse(responseCode = "200", description = "Applied; the dead letter is REPLAYED")
    @APIResponse(responseCode = "409", description = "Not open, or it failed again (then it stays open)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeadLetter replay(@PathParam("id") UUID id) {
        return replay.replay(id, caller.get().subject());
    }

    @POST
    @Path("/{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give the event up, with the reason")
    @APIResponse(responseCode = "409", description = "Not open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeadLetter discard(@PathParam("id") UUID id, @Valid @NotNull Discard body) {
        return replay.discard(id, caller.get().subject(), body.reason().strip());
    }
}
