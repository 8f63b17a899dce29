package io.consilium.specialist.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.platform.http.EntityTags;
import io.consilium.platform.input.RefusedTextException;
import io.consilium.platform.input.RequestBodyMapper;
import io.consilium.platform.http.QueryValues;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.problem.ConstraintViolations;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.problem.Violation;
import io.consilium.platform.security.Roles;
import io.consilium.specialist.domain.Specialist;
import io.consilium.specialist.domain.SpecialistProfile;
import io.consilium.specialist.service.SpecialistDirectory;
import io.consilium.specialist.service.SpecialistFilter;
import io.consilium.specialist.service.SpecialistSearch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/** The specialist directory, managed by ops. Thin: validate, call the directory, map the answer. */
@Path("/api/v1/specialists")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Specialist directory")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.OPS)
@APIResponse(responseCode = "403", description = "Only ops manage the directory",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SpecialistResource {

    /** Rows per bulk import; larger directories are imported in several calls. */
    static final int MAX_IMPORT_ROWS = 5000;

    private final SpecialistDirectory directory;
    private final SpecialistSearch search;
    private final Validator validator;
    private final ObjectMapper json;

    SpecialistResource(SpecialistDirectory directory, SpecialistSearch search, Validator validator,
                       RequestBodyMapper bodies) {
        this.directory = directory;
        this.search = search;
        this.validator = validator;
        // Rows arrive as trees; converting them with the body mapper puts each row's strings through the input policy.
        this.json = bodies.mapper();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a specialist to the directory")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = SpecialistView.class)))
    @APIResponse(responseCode = "400", description = "Invalid entry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull(message = "a request body is required") @Valid SpecialistRequest request, UriInfo uri) {
        Specialist created = directory.create(request.toProfile());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id.toString()).build())
                .tag(EntityTags.of(created.version))
                .entity(SpecialistView.of(created))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one directory entry")
    @APIResponse(responseCode = "200", description = "The entry", content = @Content(schema = @Schema(implementation = SpecialistView.class)))
    @APIResponse(responseCode = "404", description = "No such specialist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Specialist found = directory.get(id);
        return Response.ok(SpecialistView.of(found)).tag(EntityTags.of(found.version)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a directory entry", description = "Send If-Match with the entry's ETag; 412 when it has changed since.")
    @APIResponse(responseCode = "200", description = "The updated entry", content = @Content(schema = @Schema(implementation = SpecialistView.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id,
                           @Parameter(description = "ETag of the version the caller saw") @HeaderParam("If-Match") String ifMatch,
                           @NotNull(message = "a request body is required") @Valid SpecialistRequest request) {
        Specialist updated = directory.update(id, request.toProfile(), ifMatch);
        return Response.ok(SpecialistView.of(updated)).tag(EntityTags.of(updated.version)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "Search the directory", description = "All filters are optional and combine with AND. Ordered by name.")
    @APIResponse(responseCode = "200", description = "One page of entries")
    public Page<SpecialistView> list(@BeanParam @Valid PageRequest page,
                                     @QueryParam("specialty") @Size(max = 64) String specialty,
                                     @QueryParam("subspecialty") @Size(max = 64) String subspecialty,
                                     @Parameter(description = "An ICD-10 code (matches entries that cover it: C61.9 finds C61.9, C61 and C60-C63) or a range exactly as stored")
                                     @QueryParam("condition") @Size(max = 16) String condition,
                                     @QueryParam("language") @Pattern(regexp = "[a-z]{2}") String language,
                                     @QueryParam("licenceCountry") @Pattern(regexp = "[A-Z]{2}") String licenceCountry,
                                     @QueryParam("practiceCountry") @Pattern(regexp = "[A-Z]{2}") String practiceCountry,
                                     @QueryParam("institution") @Size(max = 200) String institution,
                                     @Parameter(description = "Part of the name, any case") @QueryParam("name") @Size(max = 200) String name,
                                     @Parameter(description = "true or false") @QueryParam("active") String active) {
        SpecialistFilter filter = new SpecialistFilter(specialty, subspecialty, condition, language, licenceCountry,
                practiceCountry, institution, name, bool("active", active));
        return search.search(filter, page).map(SpecialistView::of);
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import specialists in bulk",
            description = "A JSON array of directory entries (at most 5000). Each row is validated on its own: valid rows are imported, invalid ones reported with their violations.")
    @APIResponse(responseCode = "200", description = "What was imported and what was rejected",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @RequestBody(description = "Directory entries, each as for POST /api/v1/specialists", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SpecialistRequest.class)))
    public ImportReport importRows(@NotNull(message = "a JSON array is required")
                                   @Size(max = MAX_IMPORT_ROWS, message = "at most 5000 rows per import") List<JsonNode> rows) {
        SortedMap<Integer, SpecialistProfile> valid = new TreeMap<>();
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<Violation> violations = new ArrayList<>();
            SpecialistRequest row = parse(rows.get(i), violations);
            if (row != null) {
                violations.addAll(ConstraintViolations.toViolations(validator.validate(row)));
            }
            if (violations.isEmpty()) {
                valid.put(i, row.toProfile());
            } else {
                rejected.add(new ImportReport.RejectedRow(i, violations));
            }
        }
        SpecialistDirectory.ImportOutcome outcome = directory.importRows(valid);
        outcome.rejected().forEach((row, violations) -> rejected.add(new ImportReport.RejectedRow(row, violations)));
        rejected.sort((a, b) -> Integer.compare(a.row(), b.row()));
        return new ImportReport(rows.size(), outcome.imported().size(), List.copyOf(outcome.imported().values()), rejected);
    }

    private SpecialistRequest parse(JsonNode node, List<Violation> violations) {
        if (node == null || !node.isObject()) {
            violations.add(new Violation("", "must be a JSON object"));
            return null;
        }
        try {
            return json.treeToValue(node, SpecialistRequest.class);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            violations.add(new Violation(field, e instanceof RefusedTextException refused ? refused.reason()
                    : "has the wrong type or format"));
            return null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            violations.add(new Violation("", "is not a directory entry"));
            return null;
        }
    }

    private static Boolean bool(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new io.consilium.platform.problem.ProblemException.InvalidRequest(
                    "Query parameter " + name + " is not valid", List.of(new Violation(name, "must be true or false")));
        };
    }
}
