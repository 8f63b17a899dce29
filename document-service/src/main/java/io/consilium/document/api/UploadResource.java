package io.consilium.document.api;

import io.consilium.document.domain.Upload;
import io.consilium.document.service.ContentPolicy;
import io.consilium.document.service.Uploads;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.ProblemType;
import io.consilium.platform.problem.Violation;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * The tus 1.0 core protocol with the creation extension: POST creates an upload, HEAD tells its offset, and
 * PATCH (a streaming Vert.x route, {@code upload/UploadAppendRoute}) appends to it. See the README for the
 * metadata keys.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Uploads")
@SecurityRequirement(name = "SecurityScheme")
public class UploadResource {

    static final String TUS_VERSION = "1.0.0";

    private final Uploads uploads;
    private final ContentPolicy policy;
    private final CurrentCaller caller;

    UploadResource(Uploads uploads, ContentPolicy policy, CurrentCaller caller) {
        this.uploads = uploads;
        this.policy = policy;
        this.caller = caller;
    }

    @OPTIONS
    @Path("/uploads")
    @PermitAll
    @Operation(summary = "tus discovery: supported version, extensions and the largest upload")
    public Response options() {
        return Response.noContent()
                .header("Tus-Resumable", TUS_VERSION)
                .header("Tus-Version", TUS_VERSION)
                .header("Tus-Extension", "creation")
                .header("Tus-Max-Size", policy.largestLimit())
                .build();
    }

    @POST
    @Path("/cases/{caseId}/uploads")
    @RolesAllowed({Roles.PATIENT, Roles.CASE_MANAGER})
    @Operation(summary = "Create an upload (tus creation)",
            description = "Upload-Length is required. Upload-Metadata (tus: comma-separated 'key base64(value)') "
                    + "carries filename (required), contentType, kind, checklistItemId and sha256 (hex of the whole "
                    + "file). Answers 201 with Location of the upload; append with PATCH.")
    @APIResponse(responseCode = "201", description = "Upload created",
            content = @Content(schema = @Schema(implementation = UploadView.class)))
    @APIResponse(responseCode = "400", description = "Missing Upload-Length, bad metadata or file name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "No Tus-Resumable header, or a tus version other than 1.0.0",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such case, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Upload-Length exceeds the limit for the declared type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The declared type is not accepted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("caseId") UUID caseId,
                           @Parameter(description = "Total size in bytes") @HeaderParam("Upload-Length") String length,
                           @HeaderParam("Upload-Metadata") String metadata,
                           @HeaderParam("Tus-Resumable") String tus,
                           UriInfo uri) {
        if (!TUS_VERSION.equals(tus)) {
            // tus 1.0: every request but OPTIONS names the protocol version; a server answers 412 with the
            // versions it speaks (the PATCH route answers the same for a version it does not speak)
            String detail = tus == null ? "The Tus-Resumable header is required (tus " + TUS_VERSION + ")"
                    : "Only tus " + TUS_VERSION + " is supported";
            return Response.status(ProblemType.PRECONDITION_FAILED.status())
                    .type(Problem.MEDIA_TYPE)
                    .header("Tus-Resumable", TUS_VERSION)
                    .header("Tus-Version", TUS_VERSION)
                    .entity(Problem.of(ProblemType.PRECONDITION_FAILED, detail, uri.getRequestUri().getRawPath()))
                    .build();
        }
        Upload upload = uploads.create(caller.get(), caseId, uploadLength(length), TusMetadata.parse(metadata));
        return Response.created(uri.getBaseUriBuilder().path("api/v1/uploads").path(upload.id.toString()).build())
                .header("Tus-Resumable", TUS_VERSION)
                .header("Upload-Offset", 0)
                .entity(UploadView.of(upload, 0))
                .build();
    }

    @HEAD
    @Path("/uploads/{uploadId}")
    @RolesAllowed({Roles.PATIENT, Roles.CASE_MANAGER})
    @Operation(summary = "The upload's offset (tus): where to resume")
    public Response offset(@PathParam("uploadId") UUID uploadId) {
        Uploads.UploadStatus status = uploads.status(caller.get(), uploadId);
        return Response.ok()
                .header("Tus-Resumable", TUS_VERSION)
                .header("Upload-Offset", status.offset())
                .header("Upload-Length", status.upload().length)
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/uploads/{uploadId}")
    @RolesAllowed({Roles.PATIENT, Roles.CASE_MANAGER})
    @Operation(summary = "The upload's state: in progress, completed (with its document), rejected (with the reason) or duplicate")
    @APIResponse(responseCode = "200", description = "The upload", content = @Content(schema = @Schema(implementation = UploadView.class)))
    @APIResponse(responseCode = "404", description = "No such upload, or not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response status(@PathParam("uploadId") UUID uploadId) {
        Uploads.UploadStatus status = uploads.status(caller.get(), uploadId);
        return Response.ok(UploadView.of(status.upload(), status.offset()))
                .header("Tus-Resumable", TUS_VERSION)
                .header("Cache-Control", "no-store")
                .build();
    }

    private static long uploadLength(String raw) {
        try {
            return Long.parseLong(raw.trim());
        } catch (RuntimeException e) {
            throw new ProblemException.InvalidRequest("Upload-Length is required",
                    List.of(new Violation("Upload-Length", "must be the file's size in bytes (deferred lengths are not supported)")));
        }
    }
}
