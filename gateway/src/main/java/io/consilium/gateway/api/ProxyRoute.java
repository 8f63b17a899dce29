package io.consilium.gateway.api;

import io.consilium.gateway.config.RoutingConfig;
import io.consilium.gateway.domain.ClientId;
import io.consilium.gateway.domain.IdempotencyKey;
import io.consilium.gateway.domain.RateLimitDecision;
import io.consilium.gateway.domain.Route;
import io.consilium.gateway.proxy.LimitedBody;
import io.consilium.gateway.proxy.Upstream;
import io.consilium.gateway.proxy.Upstreams;
import io.consilium.gateway.service.RateLimits;
import io.consilium.platform.problem.ProblemType;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.platform.security.Roles;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every {@code /api/} path of the route table goes through here: find the route, read who calls (the token,
 * validated as the services validate it), take a token of the caller's rate limit, then either pass the request
 * through as a stream or, for a POST with an {@code Idempotency-Key}, through {@link IdempotentPosts}.
 * <p>
 * A plain Vert.x route ordered before Quarkus' body-size check and the REST layer, so no layer reads a body: the
 * request is paused at once and its bytes flow to the service only when it was admitted. Paths of no route go on to
 * the gateway's own endpoints, and under {@code /api/} end as a 404 problem when none answers them.
 * <p>
 * Why the gateway validates tokens although the services do too: the rate limits and idempotency keys are per
 * client, and a bucket or key chosen by an unchecked claim could be spent by anyone on someone else's behalf. A
 * request without a token goes on (public share links need none; services answer 401 for the rest) and counts
 * against its remote address; a token that does not validate is refused here with 401.
 */
@ApplicationScoped
public class ProxyRoute {

    private static final Logger LOG = Logger.getLogger(ProxyRoute.class);

    private final Vertx vertx;
    private final Upstreams upstreams;
    private final IdentityProviderManager identities;
    private final RateLimits rateLimits;
    private final IdempotentPosts idempotentPosts;
    private final long ownMaxBodySize;

    ProxyRoute(Vertx vertx, Upstreams upstreams, IdentityProviderManager identities, RateLimits rateLimits,
               IdempotentPosts idempotentPosts, RoutingConfig config) {
        this.ownMaxBodySize = config.maxBodySize().asLongValue();
        this.vertx = vertx;
        this.upstreams = upstreams;
        this.identities = identities;
        this.rateLimits = rateLimits;
        this.idempotentPosts = idempotentPosts;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::handle);
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_AFTER_DEFAULT + 1000).handler(ctx -> {
            ctx.put(EdgeFilter.ROUTE_KEY, "unknown");
            GatewayProblems.write(ctx, ProblemType.NOT_FOUND, "No service answers this path", Map.of());
        });
    }

    void handle(RoutingContext ctx) {
        Optional<Route> found = upstreams.route(ctx.normalizedPath());
        if (found.isEmpty()) {
            ownEndpoint(ctx);
            return;
        }
        if (found.get().isOwn()) {
            ctx.put(EdgeFilter.ROUTE_KEY, found.get().name());
            ownRead(ctx);
            return;
        }
        HttpServerRequest request = ctx.request();
        request.pause();
        Route route = found.get();
        ctx.put(EdgeFilter.ROUTE_KEY, route.name());
        long declared;
        try {
            declared = declaredLength(request);
        } catch (NumberFormatException e) {
            GatewayProblems.invalidHeader(ctx, "Content-Length", "must be a non-negative number");
            return;
        }
        if (declared > route.maxBodySize()) {
            GatewayProblems.write(ctx, ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body may not exceed " + route.maxBodySize() + " bytes on this path", Map.of());
            return;
        }
        Optional<IdempotencyKey> key;
        try {
            key = request.method() == HttpMethod.POST
                    ? IdempotencyKey.parse(request.getHeader(IdempotencyKey.HEADER)) : Optional.empty();
        } catch (IdempotencyKey.Invalid invalid) {
            GatewayProblems.invalidHeader(ctx, IdempotencyKey.HEADER, invalid.getMessage());
            return;
        }
        admit(ctx, client -> {
            Upstream upstream = upstreams.service(route.service());
            if (key.isPresent() && client.kind() != ClientId.Kind.ANONYMOUS) {
                idempotentPosts.handle(ctx, route, upstream, client, key.get(), declared);
            } else {
                stream(ctx, route, upstream, declared);
            }
        });
    }

    /** Reads who calls and takes a token of their rate limit; answers 401 or 429 itself, else goes on. */
    private void admit(RoutingContext ctx, Consumer<ClientId> admitted) {
        identify(ctx).onComplete(identified -> {
            if (identified.failed()) {
                GatewayProblems.write(ctx, ProblemType.UNAUTHENTICATED, "The bearer token is not valid", Map.of());
                return;
            }
            ClientId client = identified.result();
            limit(client).onComplete(limited -> {
                Optional<RateLimitDecision> decision = limited.succeeded() ? limited.result() : Optional.empty();
                if (limited.failed()) {
                    // the limits are a guard, not a gate: without their database the request still goes through
                    LOG.warnf("Rate limit not checked (%s); request let through", limited.cause().toString());
                }
                decision.ifPresent(d -> d.headers().forEach(ctx.response()::putHeader));
                if (decision.isPresent() && !decision.get().allowed()) {
                    GatewayProblems.write(ctx, ProblemType.TOO_MANY_REQUESTS,
                            "Too many requests from this client; retry after the time in Retry-After", Map.of());
                    return;
                }
                admitted.accept(client);
            });
        });
    }

    /**
     * The gateway's own reads (the aggregates, which cost several service calls each) count against the caller's
     * rate limit too. Only GET and HEAD with a bearer token: they have no body to hold back while the limit is
     * looked up, and without a token the REST layer answers 401 anyway.
     */
    private void ownRead(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String authorization = request.getHeader("Authorization");
        boolean read = request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
        if (!read || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ownEndpoint(ctx);
            return;
        }
        request.pause();
        admit(ctx, client -> {
            request.resume();
            ownEndpoint(ctx);
        });
    }

    /**
     * A path of the gateway's own endpoints. The platform's size guard leaves every {@code /api/} path to the proxy
     * (it would buffer chunked bodies), so their declared size is checked here, as the guard would.
     */
    private void ownEndpoint(RoutingContext ctx) {
        long declared;
        try {
            declared = declaredLength(ctx.request());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        if (declared > ownMaxBodySize) {
            GatewayProblems.write(ctx, ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body may not exceed " + ownMaxBodySize + " bytes", Map.of());
            return;
        }
        ctx.next();
    }

    private void stream(RoutingContext ctx, Route route, Upstream upstream, long declared) {
        HttpServerRequest request = ctx.request();
        boolean body = declared > 0 || (declared < 0 && request.headers().contains("Transfer-Encoding"));
        var headers = Forwarding.upstreamHeaders(ctx);
        var readTimeout = route.readTimeout().orElse(null);
        Future<io.vertx.core.http.HttpClientResponse> answer;
        if (body) {
            Forwarding.continueIfExpected(ctx);
            answer = upstream.stream(request.method(), Forwarding.target(ctx, route), headers,
                    new LimitedBody(request, route.maxBodySize()), readTimeout);
        } else {
            request.resume();
            answer = upstream.send(request.method(), Forwarding.target(ctx, route), headers, null, readTimeout);
        }
        answer.onSuccess(response -> Forwarding.relay(ctx, upstream, response))
                .onFailure(failure -> Forwarding.fail(ctx, failure));
    }

    private Future<Optional<RateLimitDecision>> limit(ClientId client) {
        return vertx.executeBlocking(() -> rateLimits.take(client), false);
    }

    /** The caller by its validated token; a request without a bearer token is anonymous, by remote address. */
    private Future<ClientId> identify(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.put(EdgeFilter.CLIENT_KEY, "anonymous");
            var remote = ctx.request().remoteAddress();
            return Future.succeededFuture(ClientId.anonymous(remote == null ? null : remote.hostAddress()));
        }
        Promise<ClientId> client = Promise.promise();
        QuarkusHttpUser.getSecurityIdentity(ctx, identities).subscribe().with(identity -> {
            if (identity == null || identity.isAnonymous()) {
                client.fail(new IllegalStateException("token not accepted"));
            } else {
                client.complete(clientOf(ctx, identity));
            }
        }, client::fail);
        return client.future();
    }

    private static ClientId clientOf(RoutingContext ctx, SecurityIdentity identity) {
        JsonWebToken token = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
        String subject = token != null && token.getSubject() != null ? token.getSubject() : identity.getPrincipal().getName();
        String azp = CurrentCaller.claim(token, "azp").orElse(null);
        ctx.put(EdgeFilter.CLIENT_KEY, azp != null ? azp : (identity.hasRole(Roles.PARTNER) ? "partner" : "user"));
        if (identity.hasRole(Roles.PARTNER)) {
            return ClientId.partner(azp != null ? azp : subject);
        }
        return ClientId.user(subject);
    }

    /** The declared body length; -1 when none is declared. */
    private static long declaredLength(HttpServerRequest request) {
        String value = request.getHeader("Content-Length");
        if (value == null) {
            return -1;
        }
        long length = Long.parseLong(value.trim());
        if (length < 0) {
            throw new NumberFormatException("negative");
        }
        return length;
    }
}
