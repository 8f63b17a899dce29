package io.consilium.gateway.api;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

import java.util.List;

/** The caller's headers that go with every part of an aggregate: the token, so each service applies its own rules. */
final class CallerHeaders {

    private static final List<String> FORWARDED = List.of("Authorization", "X-Request-Id", "traceparent", "Accept-Language");

    private CallerHeaders() {
    }

    static MultiMap of(HttpServerRequest request) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (String name : FORWARDED) {
            String value = request.getHeader(name);
            if (value != null) {
                headers.set(name, value);
            }
        }
        return headers;
    }
}
