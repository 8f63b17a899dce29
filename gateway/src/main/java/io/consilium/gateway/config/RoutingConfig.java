package io.consilium.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The route table: which service answers which {@code /api/v1/...} path, and how each service is called. One table
 * in configuration, so adding an endpoint to a service needs no gateway code, and the README's table is the same.
 * <pre>
 * consilium.gateway.services.case-service.url=http://127.0.0.1:8081
 * consilium.gateway.routes.cases.service=case-service
 * consilium.gateway.routes.cases.paths=/api/v1/cases,/api/v1/cases/**
 * consilium.gateway.routes.case-dead-letters.service=case-service
 * consilium.gateway.routes.case-dead-letters.paths=/api/v1/ops/services/case-service/dead-letters/**
 * consilium.gateway.routes.case-dead-letters.forward-prefix=/api/v1/ops/dead-letters
 * </pre>
 */
@ConfigMapping(prefix = "consilium.gateway")
public interface RoutingConfig {

    /** The services by name; a route names one of them (an unknown name fails the start). */
    Map<String, Service> services();

    /** The routes by name; the name is what the access log and metrics show instead of the raw path. */
    Map<String, Route> routes();

    /**
     * Paths the gateway answers itself although a service's pattern would match them: its aggregates (the case
     * overview under a case-service path, the patient home, the personal doctor's work queue, the ops dashboard) and
     * its own dead letters. Most specific pattern wins here too.
     */
    @WithDefault("/api/v1/cases/*/overview,/api/v1/me/home,/api/v1/me/work-queue,/api/v1/ops/dashboard,"
            + "/api/v1/ops/dead-letters/**")
    List<String> ownPaths();

    /** Largest request body of a route that sets none; tus appends, roster and directory imports set their own. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    interface Service {
        /** Base URL, e.g. {@code http://127.0.0.1:8081}; a path in it is put before the request's path. */
        String url();

        /** Longest wait for a TCP connection to the service. */
        @WithDefault("2s")
        Duration connectTimeout();

        /**
         * Longest silence while waiting for the service: no byte of the answer (or of the body going up) for this
         * long ends the call with 504. An idle timeout, not a total one, so a 2 GiB upload is not cut off.
         */
        @WithDefault("30s")
        Duration readTimeout();

        /** Extra attempts for GET and HEAD when no answer came (connection refused, timeout); never for others. */
        @WithDefault("1")
        int retries();

        /** Pooled keep-alive connections to the service per gateway instance. */
        @WithDefault("64")
        int maxConnections();

        /**
         * Longest wait for a free pooled connection when all {@link #maxConnections()} are busy. The gateway's own
         * queue, not the service's failure: a request that waits this long gets 503 with {@code Retry-After} and
         * does not count against the circuit breaker (a burst on a healthy service must not open its circuit).
         */
        @WithDefault("5s")
        Duration poolWait();

        Breaker breaker();
    }

    /** The circuit breaker of one service: open after so many failures in a row, half-open after the pause. */
    interface Breaker {
        /** Failed calls in a row (no answer, or a 5xx) that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit refuses calls (503) before one trial call is let through. */
        @WithDefault("10s")
        Duration openFor();
    }

    interface Route {
        /** Name of the service in {@link #services()}. */
        String service();

        /**
         * Path patterns: literal segments, {@code *} for exactly one segment (an id), and a final {@code **} for
         * any rest (none included). The most specific match over all routes wins (see {@code RouteTable}).
         */
        List<String> paths();

        /** Largest request body on this route (a declared {@code Content-Length}, or counted while streaming). */
        Optional<MemorySize> maxBodySize();

        /** A read timeout for this route instead of the service's (e.g. a server-sent event stream). */
        Optional<Duration> readTimeout();

        /**
         * The path the service serves this route's paths under: the literal prefix of the route's one pattern, which
         * must end in {@code /**}, is replaced by this (the rest of the path and the query string kept). Each
         * service's own dead letters ({@code /api/v1/ops/dead-letters/**}, a path the gateway answers for its own)
         * are reached so as {@code /api/v1/ops/services/<service>/dead-letters/**}. None: paths go as they are.
         */
        Optional<String> forwardPrefix();
    }
}
