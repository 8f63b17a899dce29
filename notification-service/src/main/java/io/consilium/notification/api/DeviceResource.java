package io.consilium.notification.api;

import io.consilium.notification.service.PushDevices;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The caller's own push devices (persons; ops' messages are the team's, by e-mail and the team inbox). */
@Path("/api/v1/me/devices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Push devices")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.PATIENT, Roles.CASE_MANAGER, Roles.SPECIALIST})
public class DeviceResource {

    private final PushDevices devices;
    private final CurrentCaller caller;

    DeviceResource(PushDevices devices, CurrentCaller caller) {
        this.devices = devices;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register this device for push",
            description = "201 for a new registration, 200 when the token is already mine. A token registered by another "
                    + "account moves to me (the device is signed in as me now).")
    public Response register(@Valid @NotNull DeviceRequest body) {
        var registered = devices.register(caller.get(), body.token(), body.platform(), body.description());
        return Response.status(registered.created() ? 201 : 200).entity(DeviceView.of(registered.device())).build();
    }

    @GET
    @Operation(summary = "My registered devices, newest first")
    public Page<DeviceView> list(@BeanParam @Valid PageRequest page) {
        return devices.mine(caller.get(), page).map(DeviceView::of);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove one of my devices", description = "Someone else's answers 404, as an unknown id.")
    public Response remove(@PathParam("id") UUID id) {
        devices.remove(caller.get(), id);
        return Response.noContent().build();
    }
}
