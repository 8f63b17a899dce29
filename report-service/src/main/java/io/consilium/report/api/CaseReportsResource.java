package io.consilium.report.api;

import io.consilium.platform.security.BreakGlass;
import io.consilium.platform.security.Roles;
import io.consilium.report.service.ReportSteps;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** The reports of one case: those the caller may see, and their release as a whole. */
@Path("/api/v1/cases/{caseId}/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
@SecurityRequirement(name = "SecurityScheme")
public class CaseReportsResource {

    private final ReportSteps steps;

    CaseReportsResource(ReportSteps steps) {
        this.steps = steps;
    }

    @GET
    @RolesAllowed({Roles.SPECIALIST, Roles.CASE_MANAGER, Roles.PATIENT, Roles.PARTNER, Roles.OPS})
    @Operation(summary = "The case's reports the caller may see", description = "Each read is audited.")
    public List<ReportView> list(@PathParam("caseId") UUID caseId, @HeaderParam(BreakGlass.HEADER) String breakGlass) {
        return steps.ofCase(caseId, breakGlass).stream().map(ReportView::of).toList();
    }

    @POST
    @Path("/release")
    @RolesAllowed({Roles.CASE_MANAGER, Roles.PATIENT})
    @Operation(summary = "Release every report of the case (case manager)", description = "All reports must be approved (409 otherwise); publishes consilium.report.released.v1 with the outcome of each report.")
    public List<ReportView> release(@PathParam("caseId") UUID caseId) {
        steps.release(caseId);
        return steps.ofCase(caseId, null).stream().map(ReportView::of).toList();
    }
}
