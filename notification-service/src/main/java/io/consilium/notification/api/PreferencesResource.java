package io.consilium.notification.api;

import io.consilium.notification.domain.NotificationPreference;
import io.consilium.notification.service.PersonalPreferences;
import io.consilium.platform.http.EntityTags;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's own notification preferences. Persons only: ops' messages are the team's (its address and team
 * inbox), configured, not chosen by one of them.
 */
@Path("/api/v1/me/notification-preferences")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notification preferences")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.PATIENT, Roles.CASE_MANAGER, Roles.SPECIALIST})
public class PreferencesResource {

    private final PersonalPreferences preferences;
    private final CurrentCaller caller;

    PreferencesResource(PersonalPreferences preferences, CurrentCaller caller) {
        this.preferences = preferences;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "My notification preferences", description = "The defaults (every channel on, no quiet hours) until I choose.")
    public Response get() {
        return answer(preferences.mine(caller.get()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace my notification preferences",
            description = "Channels, language and quiet hours at once; If-Match honoured (412 on a stale version).")
    public Response replace(@Valid @NotNull PreferencesRequest body, @HeaderParam("If-Match") String ifMatch) {
        var quiet = body.quietHours();
        var choice = new PersonalPreferences.Choice(body.email(), body.push(), body.language(),
                quiet == null ? null : quiet.start(), quiet == null ? null : quiet.end(),
                quiet == null ? null : quiet.timeZone());
        return answer(preferences.replace(caller.get(), choice, ifMatch));
    }

    private static Response answer(NotificationPreference p) {
        return Response.ok(PreferencesView.of(p)).tag(EntityTags.of(p.version)).build();
    }
}
