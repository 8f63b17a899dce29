package io.consilium.report.api;

import io.consilium.platform.problem.Problem;
import io.consilium.report.output.ReportPdf;
import io.consilium.report.service.ReportOutputs;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The treating doctor's way in: a share link's token, no account. */
@Path("/api/v1/shared-reports")
@Tag(name = "Report outputs")
public class SharedReportResource {

    private final ReportOutputs outputs;

    SharedReportResource(ReportOutputs outputs) {
        this.outputs = outputs;
    }

    @GET
    @Path("/{token}")
    @Produces({ReportPdf.MEDIA_TYPE, Problem.MEDIA_TYPE})
    @PermitAll
    @Operation(summary = "The full expert report through a share link (treating doctor, no account)", description = "404 for unknown, expired or revoked links; every use is audited.")
    public Response shared(@PathParam("token") String token) {
        return Response.ok(outputs.sharedPdf(token), ReportPdf.MEDIA_TYPE).header("Cache-Control", "no-store").build();
    }
}
