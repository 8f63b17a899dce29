package io.consilium.notification.api;

import io.consilium.notification.service.InAppInbox;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.Map;
import java.util.UUID;

/** The caller's own in-app inbox (ops: the team's), for the mobile and web apps. */
@Path("/api/v1/me/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "In-app inbox")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.PATIENT, Roles.CASE_MANAGER, Roles.SPECIALIST, Roles.OPS})
public class InboxResource {

    private final InAppInbox inbox;
    private final CurrentCaller caller;

    InboxResource(InAppInbox inbox, CurrentCaller caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "My notifications, newest first",
            description = "Each with a short text in the app's language (en, es, de, fr; else English).")
    public Page<InAppInbox.Item> list(@BeanParam @Valid PageRequest page,
                                      @Parameter(description = "ISO 639-1", example = "es") @QueryParam("language")
                                      @Pattern(regexp = "[a-z]{2}") String language) {
        return inbox.list(caller.get(), language, page);
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many of my notifications are unread")
    public Map<String, Long> unread() {
        return Map.of("unread", inbox.unread(caller.get()));
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark one notification read", description = "Someone else's answers 404, as an unknown id.")
    public Response read(@PathParam("id") UUID id) {
        inbox.read(caller.get(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/read-all")
    @Operation(summary = "Mark all my notifications read")
    public Map<String, Integer> readAll() {
        return Map.of("marked", inbox.readAll(caller.get()));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live stream of my new notifications (Server-Sent Events)",
            description = "One event per new item, as in the list, from the moment of connecting; the app lists what came before.")
    public Multi<InAppInbox.Item> stream(@Parameter(description = "ISO 639-1", example = "es") @QueryParam("language")
                                         @Pattern(regexp = "[a-z]{2}") String language) {
        return inbox.stream(caller.get(), language);
    }
}
