package io.consilium.report.api;

import io.consilium.platform.security.Roles;
import io.consilium.report.domain.Consolidation;
import io.consilium.report.service.ReportOutputs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Where the panel agrees and differs. */
@Path("/api/v1/cases/{caseId}/consolidation")
@Tag(name = "Report outputs")
public class ConsolidationResource {

    private final ReportOutputs outputs;

    ConsolidationResource(ReportOutputs outputs) {
        this.outputs = outputs;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CASE_MANAGER, Roles.PATIENT, Roles.SPECIALIST, Roles.PARTNER, Roles.OPS})
    @Operation(summary = "Where the panel agrees and differs", description = "Point by point across the submitted reports the caller may see: diagnosis assessment, diagnosis (ICD-10), surgery, recommended treatment and alternatives (treatment codes), tests to add and to stop (test codes), medications (ATC). Outcome AGREED, PARTLY_AGREED (positions and items say who said what), DIFFERING, or NOT_COMPARABLE (free text without codes in other words: never counted as agreement).")
    @APIResponse(responseCode = "200", description = "Each point with every report's value and whether they agree",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Consolidation.View.class),
                    examples = @ExampleObject(name = "intraocular-tumour-panel",
                            summary = "Three experts in the US and Spain agree on plaque brachytherapy (one code, three wordings) instead of removing the eye",
                            value = ReportExamples.CONSOLIDATION)))
    public Consolidation.View consolidation(@PathParam("caseId") UUID caseId) {
        return outputs.consolidation(caseId);
    }
}
