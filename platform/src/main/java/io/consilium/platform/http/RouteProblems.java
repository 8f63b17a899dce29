package io.consilium.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.ProblemType;
import io.vertx.ext.web.RoutingContext;
import jakarta.persistence.OptimisticLockException;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * problem+json written by a Vert.x route or router handler, where the REST layer's exception mappers do not run:
 * the same body, status and headers as {@code ProblemMappers} gives a resource.
 */
public final class RouteProblems {

    private static final Logger LOG = Logger.getLogger(RouteProblems.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private RouteProblems() {
    }

    /** Answers a failure: a {@link ProblemException} as itself, a lost optimistic lock as 409, anything else 500. */
    public static void fail(RoutingContext ctx, Throwable cause) {
        if (cause instanceof ProblemException problem) {
            write(ctx, problem.type(), problem.getMessage());
        } else if (cause instanceof OptimisticLockException) {
            write(ctx, ProblemType.CONFLICT,
                    "The object was changed by another request at the same time; read it again and retry");
        } else {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(cause, "Unexpected error %s answering %s", errorId, ctx.request().path());
            write(ctx, ProblemType.INTERNAL, "Unexpected error, reference " + errorId);
        }
    }

    /**
     * Writes the problem unless the answer has started. A request whose body was not read is answered with
     * {@code Connection: close}, so its unread bytes are never taken for the next request on the connection.
     */
    public static void write(RoutingContext ctx, ProblemType type, String detail) {
        write(ctx, type, detail, ctx.request().path(), !ctx.request().isEnded());
    }

    /**
     * The same with the problem's {@code instance} given (null: left out, e.g. for a URI too long to echo) and the
     * connection closed or kept as the caller decides.
     */
    public static void write(RoutingContext ctx, ProblemType type, String detail, String instance,
                             boolean closeConnection) {
        if (ctx.response().ended() || ctx.response().closed() || ctx.response().headWritten()) {
            return;
        }
        String body;
        try {
            body = JSON.writeValueAsString(Problem.of(type, detail, instance));
        } catch (JsonProcessingException e) {
            body = "{}";
        }
        var response = ctx.response().setStatusCode(type.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (type == ProblemType.UNAUTHENTICATED) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        if (closeConnection) {
            response.putHeader("Connection", "close");
        }
        response.end(body);
    }
}
