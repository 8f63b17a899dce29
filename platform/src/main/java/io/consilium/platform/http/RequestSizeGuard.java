package io.consilium.platform.http;

import io.consilium.platform.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Refuses a request whose declared {@code Content-Length} exceeds {@code consilium.http.max-body-size} (default
 * 1M) before any byte is read, with a problem+json 413 (Vert.x's own refusal has no body). Endpoints that take
 * larger bodies (uploads, roster files) are listed in {@code consilium.http.unbounded-paths} and enforce their
 * own limits; {@code quarkus.http.limits.max-body-size} stays the hard ceiling for everything.
 * <p>
 * A chunked body declares no length: on bounded paths it is read here, up to the same limit, by Vert.x' body
 * handler (the REST layer then uses the buffered body), and one that grows over the limit is answered with
 * problem+json by the failure handler, where the REST layer's own reader would send an empty 413.
 */
@ApplicationScoped
public class RequestSizeGuard {

    private final long limit;
    private final List<String> unboundedPrefixes;
    private final BodyHandler chunked;

    RequestSizeGuard(@ConfigProperty(name = "consilium.http.max-body-size", defaultValue = "1M") MemorySize limit,
                     @ConfigProperty(name = "consilium.http.unbounded-paths", defaultValue = "/none")
                     List<String> unboundedPrefixes) {
        this.limit = limit.asLongValue();
        this.unboundedPrefixes = unboundedPrefixes;
        this.chunked = BodyHandler.create(false).setBodyLimit(this.limit);
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            String declared = ctx.request().getHeader("Content-Length");
            String path = ctx.request().path();
            if (declared != null && unboundedPrefixes.stream().noneMatch(path::startsWith)) {
                long length;
                try {
                    length = Long.parseLong(declared.trim());
                } catch (NumberFormatException e) {
                    length = -1;
                }
                if (length > limit) {
                    refuse(ctx, "The request body may not exceed " + limit + " bytes");
                    return;
                }
            } else if (declared == null && ctx.request().headers().contains("Transfer-Encoding")
                    && unboundedPrefixes.stream().noneMatch(path::startsWith)) {
                chunked.handle(ctx);
                return;
            }
            ctx.next();
        });
        router.route().order(-1000).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                refuse(ctx, "The request body is larger than this service accepts");
            } else {
                ctx.next();
            }
        });
    }

    private static void refuse(RoutingContext ctx, String detail) {
        RouteProblems.write(ctx, ProblemType.PAYLOAD_TOO_LARGE, detail);
    }
}
