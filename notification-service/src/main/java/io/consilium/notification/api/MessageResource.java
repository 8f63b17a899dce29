package io.consilium.notification.api;

import io.consilium.notification.service.MessageHistory;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The e-mail and push messages I was sent, with their texts (the inbox is {@code /me/notifications}). */
@Path("/api/v1/me/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My messages")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.PATIENT, Roles.CASE_MANAGER, Roles.SPECIALIST})
public class MessageResource {

    private final MessageHistory history;
    private final CurrentCaller caller;

    MessageResource(MessageHistory history, CurrentCaller caller) {
        this.history = history;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "My e-mail and push messages, newest first, with subject and body",
            description = "Texts in `language`, else my chosen language, else the case's for a patient, else English.")
    public Page<MessageHistory.Message> list(@BeanParam @Valid PageRequest page,
                                             @Parameter(description = "ISO 639-1", example = "es") @QueryParam("language")
                                             @Pattern(regexp = "[a-z]{2}") String language) {
        return history.mine(caller.get(), language, page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of my messages", description = "Someone else's answers 404, as an unknown id.")
    public MessageHistory.Message one(@PathParam("id") UUID id,
                                      @Parameter(description = "ISO 639-1", example = "es") @QueryParam("language")
                                      @Pattern(regexp = "[a-z]{2}") String language) {
        return history.mine(caller.get(), id, language);
    }
}
