package io.consilium.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Refuses a request whose declared {@code Content-Length} exceeds {@code consilium.http.max-body-size} (default
 * 1M) before any byte is read, with a problem+json 413 (Vert.x's own refusal has no body). Endpoints that take
 * larger bodies (uploads, roster files) are listed in {@code consilium.http.unbounded-paths} and enforce their
 * own limits; {@code quarkus.http.limits.max-body-size} stays the hard ceiling for everything.
 */
@ApplicationScoped
public class RequestSizeGuard {

    private final long limit;
    private final List<String> unboundedPrefixes;
    private final ObjectMapper json;

    RequestSizeGuard(@ConfigProperty(name = "consilium.http.max-body-size", defaultValue = "1M") MemorySize limit,
                     @ConfigProperty(name = "consilium.http.unbounded-paths", defaultValue = "/none")
                     List<String> unboundedPrefixes,
                     ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.unboundedPrefixes = unboundedPrefixes;
        this.json = json;
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
                    Problem problem = Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                            "The request body may not exceed " + limit + " bytes", path);
                    try {
                        ctx.response().setStatusCode(413)
                                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                                .putHeader("Connection", "close")
                                .end(json.writeValueAsString(problem));
                    } catch (JsonProcessingException e) {
                        ctx.fail(413);
                    }
                    return;
                }
            }
            ctx.next();
        });
    }
}
