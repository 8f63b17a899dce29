package io.consilium.report.api;

import io.consilium.platform.problem.Problem;
import io.consilium.platform.security.BreakGlass;
import io.consilium.platform.security.Roles;
import io.consilium.report.output.fhir.CaseBundle;
import io.consilium.report.service.CaseBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The whole case as one FHIR R4 Bundle (issue 13); the gateway routes {@code /api/v1/cases/*}{@code /fhir} here. */
@Path("/api/v1/cases/{caseId}/fhir")
@Tag(name = "Reports")
@SecurityRequirement(name = "SecurityScheme")
public class CaseBundleResource {

    private final CaseBundles bundles;

    CaseBundleResource(CaseBundles bundles) {
        this.bundles = bundles;
    }

    @GET
    @Produces({CaseBundle.MEDIA_TYPE, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.SPECIALIST, Roles.CASE_MANAGER, Roles.PATIENT, Roles.PARTNER, Roles.OPS})
    @Operation(summary = "The case as a FHIR R4 collection Bundle",
            description = "Patient (member id), ServiceRequest, a Task per lifecycle state, Practitioner and PractitionerRole per "
                    + "expert, a DiagnosticReport per released report (answers and addenda as Observations, the full PDF), "
                    + "DocumentReference per record, ImagingStudy per DICOM record, Consent per consent. For the patient, the "
                    + "personal doctor and ops by break-glass; partners and specialists 403. Audited.")
    @APIResponse(responseCode = "200", description = "The Bundle", content = @Content(mediaType = CaseBundle.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "A partner or specialist", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown case, or not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No released report yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response bundle(@PathParam("caseId") UUID caseId, @HeaderParam(BreakGlass.HEADER) String breakGlass) {
        return Response.ok(bundles.bundle(caseId, breakGlass), CaseBundle.MEDIA_TYPE).build();
    }
}
