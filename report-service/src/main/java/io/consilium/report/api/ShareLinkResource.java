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

/** The patient's share links for the treating doctor. */
@Path("/api/v1/cases/{caseId}/share-links")
@Tag(name = "Report outputs")
@APIResponse(responseCode = "404", description = "Not found, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ShareLinkResource {

    public static final String PDF = OutputsResource.PDF;

    private final ReportOutputs outputs;
    private final Addenda addenda;

    ShareLinkResource(ReportOutputs outputs, Addenda addenda) {
        this.outputs = outputs;
        this.addenda = addenda;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PATIENT)
    @Operation(summary = "Share the released reports with the treating doctor (patient)", description = "Needs the REPORT_TO_TREATING_DOCTOR consent; the token is shown once. Default validity 7 days, at most 30.")
    public Response share(@PathParam("caseId") UUID caseId, @Valid ShareRequest body) {
        int hours = body == null || body.validHours() == null ? 168 : body.validHours();
        ShareLink.Issued issued = outputs.share(caseId, Duration.ofHours(hours));
        return Response.status(201).entity(ShareLinkView.of(issued.link(), issued.token())).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PATIENT)
    @Operation(summary = "The patient's share links (tokens are not shown again)")
    public List<ShareLinkView> links(@PathParam("caseId") UUID caseId) {
        return outputs.links(caseId).stream().map(l -> ShareLinkView.of(l, null)).toList();
    }

    @DELETE
    @Path("/{linkId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PATIENT)
    @Operation(summary = "Revoke a share link (patient)")
    public ShareLinkView revoke(@PathParam("caseId") UUID caseId, @PathParam("linkId") UUID linkId) {
        return ShareLinkView.of(outputs.revoke(caseId, linkId), null);
    }
}
