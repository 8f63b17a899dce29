package io.consilium.report.api;

import io.consilium.platform.problem.Problem;
import io.consilium.platform.security.Roles;
import io.consilium.report.domain.Consolidation;
import io.consilium.report.domain.FollowUpQuestion;
import io.consilium.report.domain.ReportVersion;
import io.consilium.report.domain.ShareLink;
import io.consilium.report.output.ReportPdf;
import io.consilium.platform.security.BreakGlass;
import io.consilium.report.service.Addenda;
import io.consilium.report.service.ReportOutputs;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import io.consilium.report.api.OutputsResource.*;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The treating doctor's way in: a share link's token, no account. */
@Path("/api/v1/shared-reports")
@Tag(name = "Report outputs")
@APIResponse(responseCode = "404", description = "Not found, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SharedReportResource {

    public static final String PDF = OutputsResource.PDF;

    private final ReportOutputs outputs;
    private final Addenda addenda;

    SharedReportResource(ReportOutputs outputs, Addenda addenda) {
        this.outputs = outputs;
        this.addenda = addenda;
    }

    @GET
    @Path("/{token}")
    @Produces({PDF, Problem.MEDIA_TYPE})
    @PermitAll
    @Operation(summary = "The full expert report through a share link (treating doctor, no account)", description = "404 for unknown, expired or revoked links; every use is audited.")
    public Response shared(@PathParam("token") String token) {
        return Response.ok(outputs.sharedPdf(token), PDF).header("Cache-Control", "no-store").build();
    }
}
