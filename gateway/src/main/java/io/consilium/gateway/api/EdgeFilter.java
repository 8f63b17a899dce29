package io.consilium.gateway.api;

import io.consilium.gateway.config.ConsoleConfig;
import io.consilium.gateway.config.EdgeConfig;
import io.consilium.gateway.domain.CorsPolicy;
import io.consilium.gateway.domain.RequestIds;
import io.consilium.gateway.domain.ResponseHardening;
import io.consilium.platform.problem.ProblemType;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;

/**
 * What happens to every request first and to every answer last, the gateway's own and the services' alike, refusals
 * included: the request and trace ids, CORS (preflights answered here), the security headers, and the access log.
 * <p>
 * The access log has no personal data: method, the route's name (never the path, which holds ids, nor the query,
 * which may hold names), status, latency, request id and the OAuth client ({@code azp}: an app or a partner, never a
 * person).
 */
@ApplicationScoped
public class EdgeFilter {

    static final String REQUEST_ID = "X-Request-Id";
    static final String TRACEPARENT = "traceparent";
    static final String REQUEST_ID_KEY = "gateway.requestId";
    /** The route's name, set by {@link ProxyRoute} (and by the gateway's own endpoints). */
    static final String ROUTE_KEY = "gateway.route";
    /** The caller's OAuth client, set once the token was read. */
    static final String CLIENT_KEY = "gateway.client";

    private static final Logger ACCESS = Logger.getLogger("io.consilium.gateway.access");

    private final CorsPolicy cors;
    private final ResponseHardening hardening;

    EdgeFilter(EdgeConfig config, ConsoleConfig console) {
        EdgeConfig.Cors c = config.cors();
        this.cors = new CorsPolicy(c.origins().orElse(List.of()), c.methods(), c.headers(), c.exposedHeaders(),
                c.allowCredentials(), c.maxAge());
        this.hardening = new ResponseHardening(config.referrerPolicy(), config.hsts(), console.authOrigin());
    }

    void install(@Observes Router router) {
        // before the platform's head limits (-3000), so that their refusals carry the ids and headers too
        router.route().order(-4000).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        HttpServerRequest request = ctx.request();
        String requestId = RequestIds.requestId(request.getHeader(REQUEST_ID), request.getHeader(TRACEPARENT));
        // set on the request itself, so the proxy forwards them and the gateway's own endpoints log them
        request.headers().set(REQUEST_ID, requestId);
        request.headers().set(TRACEPARENT, RequestIds.traceparent(request.getHeader(TRACEPARENT), requestId));
        ctx.put(REQUEST_ID_KEY, requestId);
        String origin = request.getHeader("Origin");

        ctx.addHeadersEndHandler(v -> {
            MultiMap headers = ctx.response().headers();
            headers.set(REQUEST_ID, requestId);
            hardening.headersFor(request.isSSL(), request.path(), headers.get("Content-Type"), headers::contains)
                    .forEach(headers::set);
            if (origin != null) {
                cors.actual(origin).forEach(headers::set);
                headers.add("Vary", "Origin");
            }
        });
        ctx.addEndHandler(done -> access(ctx, start, requestId));

        if (request.method() == HttpMethod.OPTIONS && origin != null
                && request.getHeader("Access-Control-Request-Method") != null) {
            preflight(ctx, origin);
            return;
        }
        ctx.next();
    }

    private void preflight(RoutingContext ctx, String origin) {
        HttpServerRequest request = ctx.request();
        var allowed = cors.preflight(origin, request.getHeader("Access-Control-Request-Method"),
                request.getHeader("Access-Control-Request-Headers"));
        ctx.put(ROUTE_KEY, "cors-preflight");
        if (allowed.isEmpty()) {
            GatewayProblems.write(ctx, ProblemType.FORBIDDEN,
                    "This origin, method or header is not allowed to call the API from a browser", Map.of());
            return;
        }
        allowed.get().forEach(ctx.response()::putHeader);
        ctx.response().setStatusCode(204).end();
    }

    private static void access(RoutingContext ctx, long start, String requestId) {
        long micros = (System.nanoTime() - start) / 1000;
        Object route = ctx.get(ROUTE_KEY);
        Object client = ctx.get(CLIENT_KEY);
        int status = ctx.response().ended() ? ctx.response().getStatusCode() : 0;
        ACCESS.infof("method=%s route=%s status=%d durationMs=%d.%03d requestId=%s client=%s",
                ctx.request().method().name(), route == null ? "-" : route, status, micros / 1000, micros % 1000,
                requestId, client == null ? "-" : client);
    }
}
