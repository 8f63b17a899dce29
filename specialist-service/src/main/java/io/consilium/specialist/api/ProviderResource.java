package io.consilium.specialist.api;

import io.consilium.platform.http.EntityTags;
import io.consilium.platform.http.QueryValues;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import io.consilium.specialist.domain.Provider;
import io.consilium.specialist.domain.ProviderKind;
import io.consilium.specialist.service.ProviderDirectory;
import io.consilium.specialist.service.ProviderFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import java.util.List;
import java.util.UUID;

/** In-network providers per tenant: ops manage them; case managers and partners search their own tenant's. */
@Path("/api/v1/providers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "In-network providers")
@SecurityRequirement(name = "SecurityScheme")
public class ProviderResource {

    private final ProviderDirectory providers;
    private final CurrentCaller caller;

    ProviderResource(ProviderDirectory providers, CurrentCaller caller) {
        this.providers = providers;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Add a provider to a tenant's network")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = ProviderView.class)))
    public Response create(@NotNull(message = "a request body is required") @Valid ProviderRequest request, UriInfo uri) {
        Provider created = providers.create(request::applyTo);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id.toString()).build())
                .tag(EntityTags.of(created.version)).entity(ProviderView.of(created)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Replace a provider", description = "If-Match honoured (412 on an older version).")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = ProviderView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull(message = "a request body is required") @Valid ProviderRequest request) {
        Provider updated = providers.update(caller.get(), id, ifMatch, request::applyTo);
        return Response.ok(ProviderView.of(updated)).tag(EntityTags.of(updated.version)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPS, Roles.CASE_MANAGER, Roles.PARTNER})
    @Operation(summary = "Read one provider", description = "Another tenant's provider answers 404.")
    @APIResponse(responseCode = "200", description = "The provider", content = @Content(schema = @Schema(implementation = ProviderView.class)))
    @APIResponse(responseCode = "404", description = "No such provider in the caller's tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Provider found = providers.visible(caller.get(), id);
        return Response.ok(ProviderView.of(found)).tag(EntityTags.of(found.version)).build();
    }

    @GET
    @RolesAllowed({Roles.OPS, Roles.CASE_MANAGER, Roles.PARTNER})
    @Operation(summary = "Search in-network providers",
            description = "Case managers and partners search their own tenant's network only; ops may narrow to a tenant. "
                    + "By treatment (a catalogue code, or free text), plan network and the patient's location: country "
                    + "and city, or coordinates (then nearest first, with distanceKm).")
    @APIResponse(responseCode = "200", description = "One page of providers")
    @APIResponse(responseCode = "422", description = "A treatment code that is not in the catalogue",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ProviderView> search(@BeanParam @Valid PageRequest page,
                                     @Parameter(description = "Ops only; ignored for other roles") @QueryParam("tenant") @Size(max = 100) String tenant,
                                     @Parameter(description = "FACILITY or DOCTOR") @QueryParam("kind") String kind,
                                     @QueryParam("specialty") @Size(max = 64) String specialty,
                                     @QueryParam("country") @Pattern(regexp = "[A-Z]{2}") String country,
                                     @QueryParam("city") @Size(max = 100) String city,
                                     @QueryParam("language") @Pattern(regexp = "[a-z]{2}") String language,
                                     @Parameter(description = "A treatment code of the catalogue (unknown: 422), or free text", example = "PLAQUE_BRACHYTHERAPY")
                                     @QueryParam("treatment") @Size(max = 200) String treatment,
                                     @Parameter(description = "A plan network the provider belongs to", example = "acme-premium")
                                     @QueryParam("network") @Pattern(regexp = "[a-z0-9][a-z0-9-]*") @Size(max = 64) String network,
                                     @Parameter(description = "The patient's latitude (with longitude): nearest first", example = "40.4168")
                                     @QueryParam("latitude") @DecimalMin("-90") @DecimalMax("90") Double latitude,
                                     @Parameter(description = "The patient's longitude (with latitude)", example = "-3.7038")
                                     @QueryParam("longitude") @DecimalMin("-180") @DecimalMax("180") Double longitude) {
        if ((latitude == null) != (longitude == null)) {
            throw new ProblemException.InvalidRequest("Give both coordinates or neither",
                    List.of(new Violation(latitude == null ? "latitude" : "longitude", "is required with the other coordinate")));
        }
        ProviderFilter filter = new ProviderFilter(tenant, QueryValues.enumValue("kind", kind, ProviderKind.class),
                specialty, country, city, language, treatment, network, latitude, longitude);
        return providers.search(caller.get(), filter, page).map(f -> ProviderView.of(f.provider(), f.distanceKm()));
    }
}
