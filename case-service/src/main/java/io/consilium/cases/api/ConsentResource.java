package io.consilium.cases.api;

import io.consilium.cases.api.CaseStepRequests.GrantConsent;
import io.consilium.cases.domain.Consent;
import io.consilium.cases.service.Consents;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import java.util.UUID;

/** The patient's consents for a case. Only the patient grants and revokes; whoever sees the case sees them. */
@Path("/api/v1/cases/{caseId}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consent")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "404", description = "No such case or consent, or not visible", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ConsentResource {

    public record ConsentView(UUID id, String purpose, List<String> specialistSubjects, List<String> countries,
                              Instant grantedAt, Instant revokedAt, boolean active) {
        static ConsentView of(Consent c) {
            return new ConsentView(c.id, c.purpose.name(), c.specialistSubjects, c.countries, c.grantedAt, c.revokedAt,
                    c.active());
        }
    }

    private final Consents consents;
    private final CurrentCaller caller;

    ConsentResource(Consents consents, CurrentCaller caller) {
        this.consents = consents;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PATIENT)
    @Operation(summary = "Grant a consent (patient)", description = "Publishes consilium.case.consent-granted.v1.")
    @APIResponse(responseCode = "201", description = "Granted")
    public Response grant(@PathParam("caseId") UUID caseId, @NotNull @Valid GrantConsent body) {
        Consent granted = consents.grant(caller.get(), caseId, body.purpose(),
                body.specialistSubjects() == null ? List.of() : body.specialistSubjects(),
                body.countries() == null ? List.of() : body.countries());
        return Response.status(201).entity(ConsentView.of(granted)).build();
    }

    @POST
    @Path("/{consentId}/revoke")
    @RolesAllowed(Roles.PATIENT)
    @Operation(summary = "Revoke a consent (patient)", description = "Takes effect at once; publishes consilium.case.consent-revoked.v1 so other services cut access.")
    @APIResponse(responseCode = "409", description = "Already revoked", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConsentView revoke(@PathParam("caseId") UUID caseId, @PathParam("consentId") UUID consentId) {
        return ConsentView.of(consents.revoke(caller.get(), caseId, consentId));
    }

    @GET
    @RolesAllowed({Roles.PATIENT, Roles.PARTNER, Roles.CASE_MANAGER, Roles.OPS})
    @Operation(summary = "The case's consents, active and revoked")
    public List<ConsentView> list(@PathParam("caseId") UUID caseId) {
        return consents.of(caller.get(), caseId).stream().map(ConsentView::of).toList();
    }
}
