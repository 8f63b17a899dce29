package io.consilium.cases.api;

import io.consilium.cases.api.CaseStepRequests.PostMessage;
import io.consilium.cases.domain.CaseMessage;
import io.consilium.cases.service.Messages;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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

import java.time.Instant;
import java.util.UUID;

/** The secure message thread between the patient and their personal doctor. */
@Path("/api/v1/cases/{caseId}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "403", description = "Only the patient and the personal doctor use the thread", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such case, or not visible", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MessageResource {

    public record MessageView(UUID id, String author, String authorRole, String body, Instant createdAt) {
        static MessageView of(CaseMessage m) {
            return new MessageView(m.id, m.author, m.authorRole, m.body, m.createdAt);
        }
    }

    private final Messages messages;
    private final CurrentCaller caller;

    MessageResource(Messages messages, CurrentCaller caller) {
        this.messages = messages;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PATIENT, Roles.CASE_MANAGER})
    @Operation(summary = "Write to the thread")
    @APIResponse(responseCode = "201", description = "Posted")
    public Response post(@PathParam("caseId") UUID caseId, @NotNull @Valid PostMessage body) {
        return Response.status(201).entity(MessageView.of(messages.post(caller.get(), caseId, body.body()))).build();
    }

    @GET
    @RolesAllowed({Roles.PATIENT, Roles.CASE_MANAGER})
    @Operation(summary = "Read the thread, oldest first")
    public Page<MessageView> read(@PathParam("caseId") UUID caseId, @BeanParam @Valid PageRequest page) {
        return messages.read(caller.get(), caseId, page).map(MessageView::of);
    }
}
