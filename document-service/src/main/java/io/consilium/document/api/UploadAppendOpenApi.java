package io.consilium.document.api;

import io.consilium.platform.security.Roles;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.List;

/**
 * Documents the tus {@code PATCH}, which is a Vert.x route ({@link UploadAppendRoute}) and therefore invisible to
 * the JAX-RS scan, next to the upload's HEAD and GET.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class UploadAppendOpenApi implements OASFilter {

    static final String PATH = "/api/v1/uploads/{uploadId}";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            openAPI.setPaths(OASFactory.createPaths());
        }
        PathItem item = openAPI.getPaths().getPathItem(PATH);
        if (item == null) {
            item = OASFactory.createPathItem();
            openAPI.getPaths().addPathItem(PATH, item);
        }
        var problem = OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
        item.setPATCH(OASFactory.createOperation()
                .summary("Append to an upload (tus PATCH)")
                .description("Streams the body into the upload at Upload-Offset. The append that reaches "
                        + "Upload-Length completes the upload: checksum, sniffed type, size limit, DICOM headers and "
                        + "duplicates are checked, then 204 carries Document-Id. Send Expect: 100-continue to get "
                        + "refusals before sending the body.")
                .addTag("Uploads")
                // the same callers as the upload's POST, HEAD and GET (UploadResource); the route checks the token
                // and that the upload is the caller's
                .addSecurityRequirement(OASFactory.createSecurityRequirement()
                        .addScheme("SecurityScheme", List.of(Roles.PATIENT, Roles.CASE_MANAGER)))
                .parameters(List.of(
                        header("Upload-Offset", "The upload's current offset (from HEAD)", true),
                        header("Tus-Resumable", UploadResource.TUS_VERSION, false),
                        OASFactory.createParameter().name("uploadId").in(Parameter.In.PATH).required(true)
                                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("uuid"))))
                .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                        .addMediaType("application/offset+octet-stream", OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).format("binary")))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("204", OASFactory.createAPIResponse().description(
                                "Appended; Upload-Offset is the new offset (and Document-Id when the upload completed)"))
                        .addAPIResponse("401", OASFactory.createAPIResponse().description("No valid bearer token").content(problem))
                        .addAPIResponse("404", OASFactory.createAPIResponse().description("No such upload, or not the caller's").content(problem))
                        .addAPIResponse("409", OASFactory.createAPIResponse().description("Wrong offset, another append in progress, a duplicate, or the upload is finished").content(problem))
                        .addAPIResponse("413", OASFactory.createAPIResponse().description("Beyond Upload-Length or the type's size limit").content(problem))
                        .addAPIResponse("415", OASFactory.createAPIResponse().description("Wrong Content-Type, or a file type that is not accepted").content(problem))
                        .addAPIResponse("422", OASFactory.createAPIResponse().description("Checksum mismatch, declared and sniffed type differ, or unreadable DICOM").content(problem))));
    }

    private static Parameter header(String name, String description, boolean required) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(required).description(description)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
    }
}
