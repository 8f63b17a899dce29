package io.consilium.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.problem.ProblemType;
import io.consilium.platform.problem.Violation;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Map;

/**
 * problem+json answers the gateway gives itself: the platform's types, and the three only a gateway has (502 a
 * service could not be reached or broke the connection, 503 its circuit is open, 504 it did not answer in time).
 * Services' own problems pass through untouched; these are for what never reached, or never came back from, one.
 */
final class GatewayProblems {

    static final String TYPE_PREFIX = "urn:consilium:problem:";
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Kind {
        BAD_GATEWAY("bad-gateway", "Bad gateway", 502),
        UNAVAILABLE("unavailable", "Service unavailable", 503),
        GATEWAY_TIMEOUT("gateway-timeout", "Gateway timeout", 504);

        final String slug;
        final String title;
        final int status;

        Kind(String slug, String title, int status) {
            this.slug = slug;
            this.title = title;
            this.status = status;
        }
    }

    private GatewayProblems() {
    }

    static void write(RoutingContext ctx, Kind kind, String detail, Map<String, String> headers) {
        write(ctx, new Problem(TYPE_PREFIX + kind.slug, kind.title, kind.status, detail, ctx.request().path(), null),
                headers);
    }

    static void write(RoutingContext ctx, ProblemType type, String detail, Map<String, String> headers) {
        write(ctx, Problem.of(type, detail, ctx.request().path()), headers);
    }

    static void invalidHeader(RoutingContext ctx, String header, String message) {
        write(ctx, Problem.invalid("The " + header + " header is not valid", ctx.request().path(),
                List.of(new Violation(header, message))), Map.of());
    }

    /**
     * Writes the problem unless the answer has started. When the request's body was not read to its end the
     * connection is closed after the answer, so unread bytes are never taken for the next request.
     */
    static void write(RoutingContext ctx, Problem problem, Map<String, String> headers) {
        var response = ctx.response();
        if (response.ended() || response.closed() || response.headWritten()) {
            return;
        }
        String body;
        try {
            body = JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{}";
        }
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        if (problem.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        if (!ctx.request().isEnded()) {
            response.putHeader("Connection", "close");
        }
        response.end(body);
    }
}
