package io.consilium.gateway.api;

import io.consilium.gateway.service.PatientHomes;
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
 * {@code GET /api/v1/me/home}: a patient's cases and unread count in one call. Patients only: the parts are read
 * with the caller's token (case-service lists a patient's own cases), and for any other role "my home" would be a
 * different list under a patient's name.
 */
@Tag(name = "Aggregates", description = "One call for what a screen needs, each part fetched with the caller's own token from its service")
@Path("/api/v1/me/home")
@RolesAllowed(Roles.PATIENT)
public class PatientHomeResource {

    private final PatientHomes homes;

    PatientHomeResource(PatientHomes homes) {
        this.homes = homes;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "My cases with what each waits on, and my unread count, in one call",
            description = "One page of the caller's cases (case-service, newest first), each with what it waits on "
                    + "(records, specialists, discussion, ...), and the unread count of the caller's inbox, fetched in "
                    + "parallel with the caller's token. A part that does not come in within the aggregate timeout is "
                    + "named in missing, with partial: true.")
    @APIResponse(responseCode = "200", description = "The home, possibly partial")
    public Uni<PatientHome> home(@BeanParam @Valid PageRequest page, @Context HttpServerRequest request) {
        return Uni.createFrom().completionStage(homes.fetch(page.page(), page.size(), CallerHeaders.of(request))
                .toCompletionStage()).map(PatientHome::of);
    }
}
