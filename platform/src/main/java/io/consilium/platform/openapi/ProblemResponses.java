package io.consilium.platform.openapi;

import io.consilium.platform.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * The problem+json answers every /api/ operation can give, added to the OpenAPI document once here instead of an
 * annotation block on every resource: 400 (when it takes parameters or a body), 401 and 403 (when it needs a
 * token), 404 (when its path names an object), 500. An operation that declares one of these itself keeps its own
 * description (e.g. "409 The case is not in DRAFT" stays next to the generic ones). Runs after the build-time
 * filters of the services, so operations they add (the tus PATCH) get the same.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ProblemResponses implements OASFilter {

    private static final String PROBLEM_SCHEMA = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean documentSecured = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        boolean used = false;
        for (var path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                boolean secured = operation.getSecurity() != null ? !operation.getSecurity().isEmpty() : documentSecured;
                boolean takesInput = operation.getRequestBody() != null
                        || (operation.getParameters() != null && !operation.getParameters().isEmpty());
                add(operation, "400", "Invalid request: the fields at fault are named in violations", takesInput);
                add(operation, "401", "No valid bearer token", secured);
                add(operation, "403", "The caller's role or part in the case may not do this", secured);
                add(operation, "404", "No such object, or not one the caller may see (the same answer)",
                        path.getKey().contains("{"));
                add(operation, "500", "Unexpected error; the detail carries a reference for the logs", true);
                used = true;
            }
        }
        if (used) {
            ensureProblemSchema(openAPI);
        }
    }

    private static void add(Operation operation, String status, String description, boolean applies) {
        if (!applies) {
            return;
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (responses.hasAPIResponse(status)) {
            return;
        }
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM_SCHEMA)));
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(content));
    }

    /** The Problem schema, when no resource referenced the record itself. */
    private static void ensureProblemSchema(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas != null && schemas.containsKey(PROBLEM_SCHEMA)) {
            return;
        }
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        openAPI.getComponents().addSchema(PROBLEM_SCHEMA, OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .properties(Map.of("type", text, "title", text, "detail", text, "instance", text,
                        "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER),
                        "violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)))
                .required(List.of("type", "title", "status")));
    }
}
