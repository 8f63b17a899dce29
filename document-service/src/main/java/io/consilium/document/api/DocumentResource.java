package io.consilium.document.api;

import io.consilium.document.domain.Document;
import io.consilium.document.service.DocumentReads;
import io.consilium.document.storage.DocumentStore;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.problem.ProblemType;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PathPart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading documents: lists, metadata with the DICOM index, imaging search, and streamed content with Range. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
@SecurityRequirement(name = "SecurityScheme")
public class DocumentResource {

    private static final String READERS_PATIENT = Roles.PATIENT;

    private final DocumentReads reads;
    private final DocumentStore store;
    private final CurrentCaller caller;

    DocumentResource(DocumentReads reads, DocumentStore store, CurrentCaller caller) {
        this.reads = reads;
        this.store = store;
        this.caller = caller;
    }

    @GET
    @Path("/cases/{caseId}/documents")
    @RolesAllowed({READERS_PATIENT, Roles.CASE_MANAGER, Roles.SPECIALIST})
    @Operation(summary = "The case's documents, oldest first (metadata only)")
    public List<DocumentView> ofCase(@PathParam("caseId") UUID caseId) {
        return reads.ofCase(caller.get(), caseId).stream().map(d -> DocumentView.of(d, null)).toList();
    }

    @GET
    @Path("/documents/{documentId}")
    @RolesAllowed({READERS_PATIENT, Roles.CASE_MANAGER, Roles.SPECIALIST})
    @Operation(summary = "One document's metadata, with its DICOM index")
    @APIResponse(responseCode = "200", description = "The document",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    public DocumentView one(@PathParam("documentId") UUID documentId) {
        DocumentReads.DocumentWithIndex found = reads.one(caller.get(), documentId);
        return DocumentView.of(found.document(), found.dicom());
    }

    @GET
    @Path("/cases/{caseId}/imaging")
    @RolesAllowed({READERS_PATIENT, Roles.CASE_MANAGER, Roles.SPECIALIST})
    @Operation(summary = "Search the case's DICOM index by study instance UID and modality, paged")
    public Page<DocumentView.Imaging> imaging(@PathParam("caseId") UUID caseId,
                                              @QueryParam("studyInstanceUid") @Size(max = 64) String studyUid,
                                              @QueryParam("modality") @Size(max = 16) String modality,
                                              @BeanParam PageRequest page) {
        return reads.imaging(caller.get(), caseId, studyUid, modality, page).map(DocumentView.Imaging::of);
    }

    @GET
    @Path("/documents/{documentId}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({READERS_PATIENT, Roles.CASE_MANAGER, Roles.SPECIALIST})
    @Operation(summary = "The document's bytes, streamed; supports a single Range (206) and answers 416 beyond the end")
    @APIResponse(responseCode = "200", description = "The whole content")
    @APIResponse(responseCode = "206", description = "The requested range")
    @APIResponse(responseCode = "416", description = "The range starts beyond the end",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response content(@PathParam("documentId") UUID documentId, @HeaderParam("Range") String range) {
        Document document = reads.forDownload(caller.get(), documentId);
        long size = document.sizeBytes;
        Optional<ByteRange> wanted;
        try {
            wanted = ByteRange.parse(range, size);
        } catch (ByteRange.Unsatisfiable e) {
            return Response.status(416)
                    .type(Problem.MEDIA_TYPE)
                    .header("Content-Range", "bytes */" + size)
                    .entity(Problem.of(ProblemType.RANGE_NOT_SATISFIABLE, "The document has " + size + " bytes",
                            "/api/v1/documents/" + documentId + "/content"))
                    .build();
        }
        long first = wanted.map(ByteRange::first).orElse(0L);
        long length = wanted.map(ByteRange::length).orElse(size);
        Response.ResponseBuilder answer = wanted.isPresent()
                ? Response.status(206).header("Content-Range", wanted.get().contentRange(size))
                : Response.ok();
        return answer.type(document.contentType)
                .header("Accept-Ranges", "bytes")
                .header("Content-Length", length)
                .header("ETag", "\"" + document.sha256 + "\"")
                .header("Cache-Control", "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(document.filename, StandardCharsets.UTF_8).replace("+", "%20"))
                .entity(body(document.sha256, first, length))
                .build();
    }

    private Object body(String sha256, long first, long length) {
        Optional<java.nio.file.Path> local = store.localFile(sha256);
        if (local.isPresent()) {
            return new PathPart(local.get(), first, length);
        }
        return (StreamingOutput) out -> {
            try (InputStream in = store.open(sha256, first, length)) {
                byte[] buffer = new byte[65536];
                long remaining = length;
                while (remaining > 0) {
                    int got = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                    if (got < 0) {
                        throw new IOException("stored object is shorter than its document");
                    }
                    out.write(buffer, 0, got);
                    remaining -= got;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
