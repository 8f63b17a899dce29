package io.consilium.gateway.proxy;

import io.consilium.gateway.config.RoutingConfig;
import io.consilium.gateway.domain.CircuitBreaker;
import io.consilium.gateway.domain.PathRewrite;
import io.consilium.gateway.domain.Route;
import io.consilium.gateway.domain.RouteTable;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The route table and the services behind it, built once from {@link RoutingConfig}: a route naming an unknown
 * service, a service URL that is not http(s), a forward-prefix on a route that is not one {@code /**} pattern, and
 * two routes claiming the same paths all fail the start, rather than the first request.
 */
@ApplicationScoped
public class Upstreams {

    private final Map<String, Upstream> services = new LinkedHashMap<>();
    private final RouteTable table;

    Upstreams(Vertx vertx, RoutingConfig config, Clock clock) {
        config.services().forEach((name, service) -> {
            URI base = URI.create(service.url());
            if (base.getHost() == null || !("http".equalsIgnoreCase(base.getScheme()) || "https".equalsIgnoreCase(base.getScheme()))) {
                throw new IllegalArgumentException("consilium.gateway.services." + name + ".url must be an http(s) URL");
            }
            var options = new HttpClientOptions()
                    .setKeepAlive(true)
                    .setConnectTimeout((int) Math.max(1, service.connectTimeout().toMillis()))
                    // answers pass through as they are: no decompression, and headers as large as a service sends
                    .setDecompressionSupported(false)
                    .setMaxHeaderSize(64 * 1024)
                    .setMaxInitialLineLength(64 * 1024)
                    .setSsl("https".equalsIgnoreCase(base.getScheme()));
            var pool = new PoolOptions().setHttp1MaxSize(service.maxConnections());
            var breaker = new CircuitBreaker(service.breaker().failureThreshold(), service.breaker().openFor(), clock);
            services.put(name, new Upstream(name, vertx, vertx.createHttpClient(options, pool), breaker, base,
                    service.poolWait(), service.readTimeout(), service.retries()));
        });
        RouteTable.Builder builder = RouteTable.builder();
        config.routes().forEach((name, route) -> {
            if (!services.containsKey(route.service())) {
                throw new IllegalArgumentException("consilium.gateway.routes." + name + ".service names an unknown service '"
                        + route.service() + "'");
            }
            long maxBody = route.maxBodySize().orElse(config.maxBodySize()).asLongValue();
            Optional<PathRewrite> rewrite;
            try {
                rewrite = route.forwardPrefix().map(prefix -> PathRewrite.of(route.paths(), prefix));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("consilium.gateway.routes." + name + ".forward-prefix: " + e.getMessage(), e);
            }
            builder.add(new Route(name, route.service(), maxBody, route.readTimeout(), rewrite), route.paths());
        });
        builder.add(Route.own(config.maxBodySize().asLongValue()), config.ownPaths());
        this.table = builder.build();
    }

    public Optional<Route> route(String path) {
        return table.find(path);
    }

    /** The route table itself (e.g. for the gateway path of a service's own path: {@link RouteTable#publicPathOf}). */
    public RouteTable table() {
        return table;
    }

    public Upstream service(String name) {
        Upstream upstream = services.get(name);
        if (upstream == null) {
            throw new IllegalStateException("No service " + name);
        }
        return upstream;
    }

    /** The services' names, in configuration order (the ops dashboard asks each for its dead letters). */
    public java.util.Set<String> serviceNames() {
        return java.util.Collections.unmodifiableSet(services.keySet());
    }

    @PreDestroy
    void close() {
        services.values().forEach(upstream -> upstream.client().close());
    }
}
