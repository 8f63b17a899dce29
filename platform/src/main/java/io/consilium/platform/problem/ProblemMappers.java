package io.consilium.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.consilium.platform.http.ClientAborts;
import io.consilium.platform.input.RefusedTextException;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Maps every failure to an RFC 9457 {@code application/problem+json} answer, once, for all services:
 * validation, malformed JSON, authentication, authorisation, JAX-RS errors (404/405/406/415...), domain
 * problems, optimistic-lock races, and anything unexpected (500 without a stack trace).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        if (e.violations() != null) {
            return respond(Problem.withViolations(e.type(), e.getMessage(), path(uri), e.violations())
                    .with(e.extensions()));
        }
        return respond(Problem.of(e.type(), e.getMessage(), path(uri)).with(e.extensions()));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = ConstraintViolations.toViolations(e.getConstraintViolations());
        return respond(Problem.invalid("The request has " + violations.size() + " invalid field(s)", path(uri),
                violations));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(unreadable(e, path(uri)));
    }

    /** Declared for the subtype too: quarkus-rest-jackson has its own (non-problem) mapper for it. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return respond(unreadable(e, path(uri)));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(path(uri));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(path(uri));
    }

    @ServerExceptionMapper
    public Response authenticationIncomplete(AuthenticationCompletionException e, UriInfo uri) {
        return unauthenticated(path(uri));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "Your role may not do this", path(uri)));
    }

    @ServerExceptionMapper
    public Response concurrentUpdate(OptimisticLockException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.CONFLICT,
                "The object was changed by another request at the same time; read it again and retry", path(uri)));
    }

    @ServerExceptionMapper
    public Response jaxrs(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(unreadable(json, path(uri)));
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "Server error answering %s", path(uri));
        }
        ProblemType type = ProblemType.forStatus(status);
        Response.ResponseBuilder answer = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.of(type, null, null).type(), type.title(), status,
                        status >= 500 ? null : e.getMessage(), path(uri), null));
        // Keep the headers a client needs to recover, e.g. Allow on 405, WWW-Authenticate on 401.
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (ClientAborts.isClientAbort(e)) {
            // the client closed its connection mid-request: nobody reads this answer, and it is no server fault
            Metrics.counter(ClientAborts.METRIC).increment();
            LOG.debugf("Client closed the connection during %s (%s)", path(uri), e.getClass().getSimpleName());
            return respond(Problem.of(ProblemType.INVALID_REQUEST, "The connection was closed before the request was read",
                    path(uri)));
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s answering %s", errorId, path(uri));
        return respond(Problem.of(ProblemType.INTERNAL, "Unexpected error, reference " + errorId, path(uri)));
    }

    private static Problem unreadable(JsonProcessingException e, String instance) {
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = jsonPath(mismatch.getPath());
            String message = mismatch instanceof RefusedTextException refused ? refused.reason()
                    : mismatch instanceof InvalidFormatException invalid
                    && invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? "must be one of " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                            .map(Object::toString).collect(Collectors.joining(", "))
                    : "has the wrong type or format";
            return Problem.invalid(mismatch instanceof RefusedTextException
                            ? "The request has 1 invalid field(s)"
                            : "The request body does not match the expected structure", instance,
                    List.of(new Violation(field, message)));
        }
        // No parser message: it may echo the client's content back.
        return Problem.of(ProblemType.INVALID_REQUEST, "The request body is not well-formed JSON", instance);
    }

    static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static Response unauthenticated(String instance) {
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(ProblemType.UNAUTHENTICATED, "A valid bearer token is required", instance))
                .build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
