package io.consilium.gateway.api;

import io.consilium.gateway.domain.ForwardedHeaders;
import io.consilium.gateway.domain.Route;
import io.consilium.gateway.proxy.LimitedBody;
import io.consilium.gateway.proxy.Upstream;
import io.consilium.gateway.proxy.UpstreamFailure;
import io.consilium.platform.problem.ProblemType;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two halves of passing a request through: the headers that go up (the caller's, {@code Authorization}
 * untouched, without hop-by-hop ones, plus the {@code X-Forwarded-*} of this hop) and the answer that comes back
 * (status and headers as the service sent them, an absolute {@code Location} of the service turned into the
 * gateway's, the body piped as it arrives). A service that gave no answer becomes a 502, 503 or 504 problem.
 */
final class Forwarding {

    private static final Logger LOG = Logger.getLogger(Forwarding.class);
    private static final Set<String> REWRITTEN = Set.of("location", "content-location");
    /** Not kept with a replayed answer: they describe the first exchange, not the answer. */
    private static final Set<String> NOT_STORED = Set.of("content-length", "date", "x-request-id", "set-cookie",
            "ratelimit", "ratelimit-policy", "retry-after");

    private Forwarding() {
    }

    /** The request's own path and query, as the client sent them (what an Idempotency-Key's fingerprint covers). */
    static String target(RoutingContext ctx) {
        return withQuery(ctx, ctx.normalizedPath());
    }

    /** What the service is asked for: the request's path as {@code route} forwards it (rewritten or not), its query. */
    static String target(RoutingContext ctx, Route route) {
        return withQuery(ctx, route.upstreamPath(ctx.normalizedPath()));
    }

    private static String withQuery(RoutingContext ctx, String path) {
        String query = ctx.request().query();
        return path + (query == null ? "" : "?" + query);
    }

    static MultiMap upstreamHeaders(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        String connection = request.getHeader("Connection");
        for (Map.Entry<String, String> header : request.headers()) {
            String name = header.getKey();
            if (ForwardedHeaders.hopByHop(name, connection) || name.equalsIgnoreCase("Host")
                    || name.equalsIgnoreCase("Expect")) {
                continue;
            }
            headers.add(name, header.getValue());
        }
        String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (remote != null) {
            String before = request.getHeader("X-Forwarded-For");
            headers.set("X-Forwarded-For", before == null ? remote : before + ", " + remote);
        }
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        String host = request.getHeader("Host");
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        return headers;
    }

    /** The origin the client called, for rewriting a service's absolute {@code Location}. */
    static String gatewayOrigin(RoutingContext ctx) {
        String host = ctx.request().getHeader("Host");
        return (ctx.request().scheme() == null ? "http" : ctx.request().scheme()) + "://" + (host == null ? "localhost" : host);
    }

    /** A client that sent {@code Expect: 100-continue} is told to go on once the gateway accepted the request. */
    static void continueIfExpected(RoutingContext ctx) {
        String expect = ctx.request().getHeader("Expect");
        if (expect != null && expect.equalsIgnoreCase("100-continue") && !ctx.response().headWritten()) {
            ctx.response().writeContinue();
        }
    }

    /** The service's end-to-end headers, with its own absolute {@code Location}s turned into the gateway's. */
    static List<Map.Entry<String, String>> answerHeaders(RoutingContext ctx, Upstream upstream, MultiMap from) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String connection = from.get("Connection");
        String gateway = gatewayOrigin(ctx);
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey();
            if (ForwardedHeaders.hopByHop(name, connection)) {
                continue;
            }
            String value = header.getValue();
            if (REWRITTEN.contains(name.toLowerCase())) {
                value = ForwardedHeaders.rewriteLocation(value, upstream.origin(), gateway);
            }
            headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
        }
        return headers;
    }

    static List<Map.Entry<String, String>> storedHeaders(List<Map.Entry<String, String>> headers) {
        return headers.stream().filter(h -> !NOT_STORED.contains(h.getKey().toLowerCase())).toList();
    }

    /** Passes the service's answer on as it streams in; a client that left takes the service's stream down too. */
    static void relay(RoutingContext ctx, Upstream upstream, HttpClientResponse answer) {
        HttpServerResponse out = ctx.response();
        if (out.closed() || out.ended()) {
            answer.request().reset();
            return;
        }
        out.setStatusCode(answer.statusCode());
        if (answer.statusMessage() != null) {
            out.setStatusMessage(answer.statusMessage());
        }
        answerHeaders(ctx, upstream, answer.headers()).forEach(h -> out.headers().add(h.getKey(), h.getValue()));
        int status = answer.statusCode();
        boolean bodiless = ctx.request().method() == HttpMethod.HEAD || status == 204 || status == 304;
        if (!bodiless && !out.headers().contains("Content-Length")) {
            out.setChunked(true);
        }
        answer.pipeTo(out).onFailure(failure -> {
            LOG.debugf("Answer of %s for %s broke off: %s", upstream.name(), ctx.get(EdgeFilter.ROUTE_KEY), failure.toString());
            answer.request().reset();
            if (!out.ended() && !out.closed()) {
                out.reset();
            }
        });
    }

    /** A call that brought no answer, as the problem the client gets. Never a 500: the gateway did nothing wrong. */
    static void fail(RoutingContext ctx, Throwable failure) {
        if (failure instanceof LimitedBody.TooLarge tooLarge) {
            GatewayProblems.write(ctx, ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), Map.of());
        } else if (failure instanceof UpstreamFailure upstream) {
            switch (upstream.kind()) {
                case CIRCUIT_OPEN, BUSY -> GatewayProblems.write(ctx, GatewayProblems.Kind.UNAVAILABLE, upstream.getMessage(),
                        Map.of("Retry-After", Long.toString(Math.max(1, (upstream.retryAfter().toMillis() + 999) / 1000))));
                case TIMEOUT -> GatewayProblems.write(ctx, GatewayProblems.Kind.GATEWAY_TIMEOUT, upstream.getMessage(), Map.of());
                default -> GatewayProblems.write(ctx, GatewayProblems.Kind.BAD_GATEWAY, upstream.getMessage(), Map.of());
            }
            LOG.debugf("No answer on route %s: %s (%s)", ctx.get(EdgeFilter.ROUTE_KEY), upstream.getMessage(),
                    upstream.getCause() == null ? "-" : upstream.getCause().toString());
        } else {
            LOG.warnf(failure, "Unexpected failure on route %s", (Object) ctx.get(EdgeFilter.ROUTE_KEY));
            GatewayProblems.write(ctx, GatewayProblems.Kind.BAD_GATEWAY, "The service's answer could not be passed on", Map.of());
        }
    }
}
