package io.consilium.notification.api;

import io.consilium.notification.domain.Delivery;
import io.consilium.notification.domain.DeliveryStatus;
import io.consilium.notification.service.WebhookEndpoints;
import io.consilium.platform.http.EntityTags;
import io.consilium.platform.http.QueryValues;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Partner webhook endpoints (Standard Webhooks): a partner manages its own tenant's, ops every tenant's. The secret
 * is in the answer that creates or rotates it and nowhere else; the delivery log shows every attempt.
 */
@Path("/api/v1/webhook-endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner webhooks")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.PARTNER, Roles.OPS})
public class WebhookEndpointResource {

    private final WebhookEndpoints endpoints;
    private final CurrentCaller caller;

    WebhookEndpointResource(WebhookEndpoints endpoints, CurrentCaller caller) {
        this.endpoints = endpoints;
        this.caller = caller;
    }

    @GET
    @Path("/event-types")
    @Operation(summary = "The event types an endpoint may subscribe to")
    public Set<String> eventTypes() {
        return endpoints.eventTypes();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an endpoint",
            description = "A partner's endpoint belongs to its own tenant; ops name the tenant. The answer carries the "
                    + "signing secret, shown only this once. The URL must be https on a public address.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = EndpointView.class)))
    public Response register(@NotNull(message = "a request body is required") @Valid EndpointRequest request, UriInfo uri) {
        var created = endpoints.register(caller.get(), request.tenant(), request.url(), request.description(),
                request.eventTypes());
        return Response.created(uri.getAbsolutePathBuilder().path(created.endpoint().id.toString()).build())
                .tag(EntityTags.of(created.endpoint().version))
                .entity(EndpointView.of(created.endpoint(), created.secret())).build();
    }

    @GET
    @Operation(summary = "List endpoints", description = "A partner sees its own tenant's; ops all, or one tenant's.")
    public Page<EndpointView> list(@BeanParam @Valid PageRequest page,
                                   @Parameter(description = "Ops only; ignored for partners") @QueryParam("tenant") @Size(max = 100) String tenant) {
        return endpoints.list(caller.get(), tenant, page).map(EndpointView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an endpoint (without its secret)")
    @APIResponse(responseCode = "200", description = "The endpoint", content = @Content(schema = @Schema(implementation = EndpointView.class)))
    public Response get(@PathParam("id") UUID id) {
        var endpoint = endpoints.visible(caller.get(), id);
        return Response.ok(EndpointView.of(endpoint)).tag(EntityTags.of(endpoint.version)).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove an endpoint", description = "Its waiting deliveries stop; the log is kept.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") UUID id) {
        endpoints.delete(caller.get(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(summary = "Rotate the signing secret",
            description = "The answer carries the new secret (shown once). The previous one keeps signing too until "
                    + "previousSecretUntil, so webhook-signature carries both. If-Match honoured.")
    @APIResponse(responseCode = "200", description = "Rotated", content = @Content(schema = @Schema(implementation = EndpointView.class)))
    public Response rotate(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        var rotated = endpoints.rotate(caller.get(), id, ifMatch);
        return Response.ok(EndpointView.of(rotated.endpoint(), rotated.secret()))
                .tag(EntityTags.of(rotated.endpoint().version)).build();
    }

    @POST
    @Path("/{id}/enable")
    @Operation(summary = "Enable an endpoint again", description = "Its held deliveries are sent. 409 when enabled.")
    @APIResponse(responseCode = "200", description = "Enabled", content = @Content(schema = @Schema(implementation = EndpointView.class)))
    public EndpointView enable(@PathParam("id") UUID id) {
        return EndpointView.of(endpoints.enable(caller.get(), id));
    }

    @POST
    @Path("/{id}/disable")
    @Operation(summary = "Disable an endpoint", description = "Its waiting deliveries are held. 409 when disabled.")
    @APIResponse(responseCode = "200", description = "Disabled", content = @Content(schema = @Schema(implementation = EndpointView.class)))
    public EndpointView disable(@PathParam("id") UUID id) {
        return EndpointView.of(endpoints.disable(caller.get(), id));
    }

    @POST
    @Path("/{id}/ping")
    @Operation(summary = "Send a test delivery", description = "Type consilium.webhook.ping.v1, signed and logged like any other.")
    @APIResponse(responseCode = "202", description = "Queued", content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    public Response ping(@PathParam("id") UUID id) {
        return Response.accepted(DeliveryView.of(endpoints.ping(caller.get(), id))).build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The endpoint's delivery log, newest first")
    public Page<DeliveryView> deliveries(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page,
                                         @Parameter(description = "PENDING, RETRYING, DELIVERED, DEAD or HELD")
                                         @QueryParam("status") String status) {
        DeliveryStatus wanted = QueryValues.enumValue("status", status, DeliveryStatus.class);
        return endpoints.deliveries(caller.get(), id, wanted, page).map(DeliveryView::of);
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}")
    @Operation(summary = "One delivery with its body and every attempt (time, status, latency, first 1 KiB of the answer)")
    @APIResponse(responseCode = "200", description = "The delivery", content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    public DeliveryView delivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        Delivery delivery = endpoints.delivery(caller.get(), id, deliveryId);
        return DeliveryView.withAttempts(delivery, endpoints.attempts(delivery));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send a delivery again",
            description = "With the same webhook-id (a receiver that has it drops it) and a fresh retry schedule. "
                    + "409 while it is still being tried or the endpoint is disabled.")
    @APIResponse(responseCode = "202", description = "Queued", content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    public Response replay(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(DeliveryView.of(endpoints.replay(caller.get(), id, deliveryId))).build();
    }

    @POST
    @Path("/{id}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send everything since a time again", description = "Delivered, dead and held deliveries created since then.")
    @APIResponse(responseCode = "202", description = "How many were queued")
    public Response replaySince(@PathParam("id") UUID id,
                                @NotNull(message = "a request body is required") @Valid EndpointRequest.ReplaySince request) {
        return Response.accepted(Map.of("replayed", endpoints.replaySince(caller.get(), id, request.since()))).build();
    }
}
