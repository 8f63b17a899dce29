package io.consilium.platform.http;

import io.consilium.platform.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * The limits on a request's URI ({@code consilium.http.max-uri-length}, default 8K) and headers
 * ({@code consilium.http.max-header-size}, default 20K), answered as problem+json 414 and 431. Vert.x answers its
 * own limits with an empty body and no content type, and Quarkus gives no hook into that answer; so the platform
 * sets Vert.x' limits higher ({@code quarkus.http.limits.max-initial-line-length} 64K,
 * {@code quarkus.http.limits.max-header-size} 64K) and enforces the real ones here, before any other handler.
 * Past those ceilings, and for a request line Netty cannot parse at all, the bare Vert.x answer remains.
 */
@ApplicationScoped
public class RequestHeadLimits {

    private final long maxUriLength;
    private final long maxHeaderSize;

    RequestHeadLimits(@ConfigProperty(name = "consilium.http.max-uri-length", defaultValue = "8K") MemorySize maxUriLength,
                      @ConfigProperty(name = "consilium.http.max-header-size", defaultValue = "20K") MemorySize maxHeaderSize) {
        this.maxUriLength = maxUriLength.asLongValue();
        this.maxHeaderSize = maxHeaderSize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(-3000).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            if (request.uri().length() > maxUriLength) {
                // The URI itself is not echoed as the problem's instance: it is what is too long.
                refuse(ctx, ProblemType.URI_TOO_LONG, "The request URI may not exceed " + maxUriLength + " characters");
            } else if (headerSize(request) > maxHeaderSize) {
                refuse(ctx, ProblemType.HEADERS_TOO_LARGE, "The request headers may not exceed " + maxHeaderSize + " bytes");
            } else {
                ctx.next();
            }
        });
    }

    /** As Netty counts them: name, ": ", value and the line break of each header line. */
    private static long headerSize(HttpServerRequest request) {
        long size = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private static void refuse(RoutingContext ctx, ProblemType type, String detail) {
        // no instance: the path is what is too long; the connection goes, its head was not read to the end
        RouteProblems.write(ctx, type, detail, null, true);
    }
}
