package io.consilium.cases.api;

import io.consilium.cases.domain.CaseManager;
import io.consilium.cases.service.CaseManagerTeam;
import io.consilium.platform.http.EntityTags;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The personal doctors of each tenant's team (ops). PUT creates or changes; the subject is the doctor's login. */
@Path("/api/v1/case-managers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
@Tag(name = "Personal doctors")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "404", description = "No such personal doctor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CaseManagerResource {

    public record ProfileRequest(
            @Schema(examples = "acme") @NotBlank @Size(max = 100) String tenant,
            @Schema(examples = "Dr. Carla Castro") @NotBlank @Size(max = 200) String name,
            @Schema(examples = "[\"es\", \"en\"]") @NotEmpty @Size(max = 20)
            List<@NotNull @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code") String> languages,
            @Min(1) @Max(1000) int capacity,
            boolean active) {
    }

    public record ManagerView(String subject, String tenant, String name, List<String> languages, int capacity,
                              boolean active, long openCases, long version) {
        static ManagerView of(CaseManagerTeam.Member member) {
            CaseManager m = member.manager();
            return new ManagerView(m.subject, m.tenant, m.name, m.languages, m.capacity, m.active, member.openCases(),
                    m.version);
        }
    }

    private final CaseManagerTeam team;

    CaseManagerResource(CaseManagerTeam team) {
        this.team = team;
    }

    @PUT
    @Path("/{subject}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or change a personal doctor", description = "Without If-Match on an unknown subject: creates. With If-Match: changes that version (412 when stale).")
    public Response put(@PathParam("subject") @Size(max = 255) String subject, @HeaderParam("If-Match") String ifMatch,
                        @NotNull @Valid ProfileRequest body) {
        var profile = new CaseManagerTeam.Profile(body.tenant(), body.name(), body.languages(), body.capacity(), body.active());
        boolean create = ifMatch == null && !team.exists(subject);
        CaseManager m = create ? team.create(subject, profile) : team.update(subject, ifMatch, profile);
        return Response.status(create ? 201 : 200).entity(ManagerView.of(team.get(m.subject)))
                .tag(EntityTags.of(m.version)).build();
    }

    @GET
    @Path("/{subject}")
    @Operation(summary = "One personal doctor with their open cases")
    public ManagerView get(@PathParam("subject") String subject) {
        return ManagerView.of(team.get(subject));
    }

    @GET
    @Operation(summary = "The team of a tenant (or all teams)")
    public List<ManagerView> list(@QueryParam("tenant") @Size(max = 100) String tenant) {
        return team.team(tenant).stream().map(ManagerView::of).toList();
    }
}
