package io.consilium.platform.http;

import io.consilium.platform.problem.Problem;
import io.consilium.platform.problem.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;
import java.util.Set;

/**
 * A request body without {@code Content-Type} is refused with 415 problem+json before it reaches a resource. The
 * REST layer would otherwise read it with whatever the resource consumes (a JSON intake sent as nothing in
 * particular created a case). Bodiless requests (a submit, a close) need no type.
 */
public class ContentTypeRequired {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireType(ContainerRequestContext request) {
        if (!WITH_BODY.contains(request.getMethod()) || request.getMediaType() != null || !hasBody(request)) {
            return Optional.empty();
        }
        Problem problem = Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "A request body needs a Content-Type header, e.g. application/json", request.getUriInfo().getPath());
        return Optional.of(Response.status(415).type(Problem.MEDIA_TYPE).entity(problem).build());
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }
}
