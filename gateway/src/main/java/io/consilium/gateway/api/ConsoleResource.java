package io.consilium.gateway.api;

import io.consilium.gateway.config.ConsoleConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/**
 * What the console pages (static files under {@code META-INF/resources/console/}) need to know before their user
 * logs in: where Keycloak is and which client they are. Nothing secret: the client is public and uses PKCE.
 */
@Path("/console")
@PermitAll
@Tag(name = "Console")
public class ConsoleResource {

    /** The console's login settings. */
    public record Settings(String authServerUrl, String clientId, String openapi) {
    }

    private final ConsoleConfig config;

    ConsoleResource(ConsoleConfig config) {
        this.config = config;
    }

    @GET
    @Path("/config.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true, summary = "The Keycloak realm and public client the console pages log in with")
    public Response settings() {
        return Response.ok(new Settings(config.authServerUrl(), config.clientId(), "/api/v1/openapi.json"))
                .header("Cache-Control", "no-cache").build();
    }

    @GET
    @Operation(hidden = true)
    public Response console() {
        return Response.status(Response.Status.FOUND).location(URI.create("/console/")).build();
    }
}
