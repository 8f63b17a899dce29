package io.consilium.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the gateway does at the edge, for every request: CORS and the security headers of its answers. */
@ConfigMapping(prefix = "consilium.gateway.edge")
public interface EdgeConfig {

    Cors cors();

    /** {@code Referrer-Policy} of every answer that sets none. */
    @WithDefault("no-referrer")
    String referrerPolicy();

    /** {@code Strict-Transport-Security} on answers over TLS (never over plain HTTP, where it is ignored anyway). */
    @WithDefault("max-age=31536000; includeSubDomains")
    String hsts();

    interface Cors {
        /**
         * Origins allowed to call from a browser (the patient app, the console), exactly as the browser sends them:
         * {@code https://app.consilium.example}. None by default; {@code *} is refused at start.
         */
        Optional<List<String>> origins();

        @WithDefault("GET,HEAD,POST,PUT,PATCH,DELETE")
        List<String> methods();

        @WithDefault("Authorization,Content-Type,Idempotency-Key,If-Match,If-None-Match,Range,X-Request-Id,traceparent,"
                + "Tus-Resumable,Upload-Length,Upload-Offset,Upload-Metadata,Upload-Defer-Length,X-Break-Glass-Reason")
        List<String> headers();

        @WithDefault("Location,ETag,Content-Range,Accept-Ranges,Content-Location,X-Request-Id,Idempotent-Replayed,"
                + "Retry-After,RateLimit,RateLimit-Policy,Tus-Resumable,Tus-Version,Tus-Extension,Tus-Max-Size,"
                + "Upload-Offset,Upload-Length,Upload-Expires")
        List<String> exposedHeaders();

        /**
         * Whether browsers may send cookies or HTTP authentication. The API takes bearer tokens, so it needs none;
         * when on, the allowed origin is echoed, never {@code *}.
         */
        @WithDefault("false")
        boolean allowCredentials();

        @WithDefault("10m")
        Duration maxAge();
    }
}
