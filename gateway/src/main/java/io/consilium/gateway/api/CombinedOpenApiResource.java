package io.consilium.gateway.api;

import io.consilium.gateway.service.CombinedOpenApi;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * The combined OpenAPI document ({@link CombinedOpenApi}), public: at {@code /q/openapi}, where tools look for a
 * Quarkus application's document (Quarkus' own document of the gateway moved to {@code /q/gateway-openapi}), and
 * at {@code /api/v1/openapi.json} for clients that only reach {@code /api/}. JSON only; {@code no-cache} with an
 * ETag, so a console revalidates on every load and gets a 304 while nothing changed.
 */
@Path("/")
@PermitAll
public class CombinedOpenApiResource {

    private final CombinedOpenApi combined;

    CombinedOpenApiResource(CombinedOpenApi combined) {
        this.combined = combined;
    }

    @GET
    @Path("q/openapi")
    @Produces({MediaType.APPLICATION_JSON, "application/vnd.oai.openapi+json"})
    @Operation(hidden = true)
    public Response quarkusPath(@QueryParam("format") String format, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return answer(format, ifNoneMatch);
    }

    @GET
    @Path("api/v1/openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response apiPath(@QueryParam("format") String format, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return answer(format, ifNoneMatch);
    }

    private Response answer(String format, String ifNoneMatch) {
        if (format != null && !format.equalsIgnoreCase("json")) {
            throw new ProblemException.InvalidRequest("The combined document is served as JSON only",
                    List.of(new Violation("format", "must be json (or left out)")));
        }
        CombinedOpenApi.Served served = combined.current();
        if (ifNoneMatch != null && matches(ifNoneMatch, served.etag())) {
            return Response.notModified().header(HttpHeaders.ETAG, served.etag()).header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
        }
        return Response.ok(served.json(), MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, served.etag())
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
