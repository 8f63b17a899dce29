package io.consilium.report.api;

import io.consilium.platform.security.BreakGlass;
import io.consilium.platform.security.Roles;
import io.consilium.platform.problem.Problem;
import io.consilium.report.output.PatientSummary;
import io.consilium.report.output.ReportPdf;
import io.consilium.report.output.SummaryPdf;
import io.consilium.report.service.ReportOutputs;
import io.consilium.report.service.ReportSteps;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    private final ReportOutputs outputs;

    CaseReportsResource(ReportSteps steps, ReportOutputs outputs) {
        this.steps = steps;
        this.outputs = outputs;
    }

    @GET
    @RolesAllowed({Roles.SPECIALIST, Roles.CASE_MANAGER, Roles.PATIENT, Roles.PARTNER, Roles.OPS})
    @Operation(summary = "The case's reports the caller may see", description = "Each read is audited.")
    public List<ReportView> list(@PathParam("caseId") UUID caseId, @HeaderParam(BreakGlass.HEADER) String breakGlass) {
        return steps.ofCase(caseId, breakGlass).stream().map(ReportView::of).toList();
    }

    /*
     * The case summary lives under .../reports/ because GET /api/v1/cases/{caseId}/summary is specialist-service's
     * (the invitation's short summary) in the gateway's routes; /api/v1/cases/{caseId}/reports/** is report-service's.
     */
    @GET
    @Path("/summary")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.CASE_MANAGER, Roles.PATIENT, Roles.PARTNER, Roles.OPS})
    @Operation(summary = "The patient's summary of the case (JSON for the app)",
            description = "One summary across the case's released reports, every fixed text and label in the patient's "
                    + "language: the questions in words with the experts' answers, the diagnosis by name, the treatment, "
                    + "alternatives with benefits and risks, tests to add and to stop, medications (names in the "
                    + "patient's language, catalogue and ATC codes beside), where the experts agree and differ and why, "
                    + "the experts by name, specialty, institution and country, the dated follow-up answers and the next "
                    + "steps. Readable by whoever may read the released reports: the patient, the personal doctor, a "
                    + "partner with REPORT_TO_PARTNER consent (without the patient's own and follow-up questions), ops by "
                    + "break-glass. 409 before any release; 404 for anyone else. Audited.")
    @APIResponse(responseCode = "200", description = "The summary, in reading order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PatientSummary.View.class)))
    @APIResponse(responseCode = "409", description = "No report of the case is released yet")
    public PatientSummary.View summary(@PathParam("caseId") UUID caseId, @HeaderParam(BreakGlass.HEADER) String breakGlass) {
        return outputs.summary(caseId, breakGlass, "READ_SUMMARY");
    }

    @GET
    @Path("/summary.pdf")
    @Produces({ReportPdf.MEDIA_TYPE, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.CASE_MANAGER, Roles.PATIENT, Roles.PARTNER, Roles.OPS})
    @Operation(summary = "The patient's summary of the case as PDF",
            description = "The same summary as GET .../reports/summary, printed. Audited.")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = ReportPdf.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "No report of the case is released yet")
    public Response summaryPdf(@PathParam("caseId") UUID caseId, @HeaderParam(BreakGlass.HEADER) String breakGlass) {
        return Response.ok(SummaryPdf.render(outputs.summary(caseId, breakGlass, "DOWNLOAD_SUMMARY_PDF")),
                ReportPdf.MEDIA_TYPE).build();
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
