package io.consilium.report.api;

import io.consilium.platform.security.Roles;
import io.consilium.report.domain.ShareLink;
import io.consilium.report.service.ReportOutputs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The patient's share links for the treating doctor. */
@Path("/api/v1/cases/{caseId}/share-links")
@Tag(name = "Report outputs")
public class ShareLinkResource {

    public record ShareRequest(
            @Schema(description = "1 to 720; default 168 (7 days)", examples = "72") @Min(1) @Max(720) Integer validHours) {
    }

    /** A share link; {@code token} and {@code path} only in the answer that created it. */
    public record ShareLinkView(@Schema(examples = "e4b2d6f8-0a1c-4e3b-8d5f-7a9c1e3b5d70") UUID id,
                                @Schema(examples = "mLAmXD1YDBRbrFekDvN5izh2knymeJD9lLAwXYKanQo") String token,
                                @Schema(examples = "/api/v1/shared-reports/mLAmXD1YDBRbrFekDvN5izh2knymeJD9lLAwXYKanQo")
                                String path,
                                @Schema(examples = "2026-11-13T09:30:00Z") Instant expiresAt,
                                @Schema(description = "Set once the patient revoked the link") Instant revokedAt) {
        static ShareLinkView of(ShareLink l, String token) {
            return new ShareLinkView(l.id, token, token == null ? null : "/api/v1/shared-reports/" + token, l.expiresAt,
                    l.revokedAt);
        }
    }

    private final ReportOutputs outputs;

    ShareLinkResource(ReportOutputs outputs) {
        this.outputs = outputs;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PATIENT)
    @Operation(summary = "Share the released reports with the treating doctor (patient)", description = "Needs the REPORT_TO_TREATING_DOCTOR consent; the token is shown once. Default validity 7 days, at most 30.")
    @APIResponse(responseCode = "201", description = "The link, with its token (shown only here)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShareLinkView.class)))
    public Response share(@PathParam("caseId") UUID caseId, @Valid ShareRequest body) {
        int hours = body == null || body.validHours() == null ? 168 : body.validHours();
        ShareLink.Issued issued = outputs.share(caseId, Duration.ofHours(hours));
        return Response.status(201).entity(ShareLinkView.of(issued.link(), issued.token())).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PATIENT)
    @Operation(summary = "The patient's share links (tokens are not shown again)")
    @APIResponse(responseCode = "200", description = "The links, without tokens",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ShareLinkView.class)))
    public List<ShareLinkView> links(@PathParam("caseId") UUID caseId) {
        return outputs.links(caseId).stream().map(l -> ShareLinkView.of(l, null)).toList();
    }

    @DELETE
    @Path("/{linkId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PATIENT)
    @Operation(summary = "Revoke a share link (patient)")
    @APIResponse(responseCode = "200", description = "The revoked link",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShareLinkView.class)))
    public ShareLinkView revoke(@PathParam("caseId") UUID caseId, @PathParam("linkId") UUID linkId) {
        return ShareLinkView.of(outputs.revoke(caseId, linkId), null);
    }
}
