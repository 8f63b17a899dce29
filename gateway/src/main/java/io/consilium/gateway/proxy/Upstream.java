package io.consilium.gateway.proxy;

import io.consilium.gateway.domain.CircuitBreaker;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.streams.ReadStream;

import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * One service as the gateway calls it: a pool of keep-alive connections, its timeouts, its circuit breaker and its
 * retries. A call is done when the answer's status line and headers are in; its body is the caller's to stream.
 * A 5xx or no answer counts against the breaker; an answer is never altered here.
 */
public final class Upstream {

    private final String name;
    private final Vertx vertx;
    private final HttpClient client;
    private final CircuitBreaker breaker;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final String basePath;
    private final String origin;
    private final Duration poolWait;
    private final Duration readTimeout;
    private final int retries;

    Upstream(String name, Vertx vertx, HttpClient client, CircuitBreaker breaker, URI base, Duration poolWait,
             Duration readTimeout, int retries) {
        this.name = name;
        this.vertx = vertx;
        this.client = client;
        this.breaker = breaker;
        this.ssl = "https".equalsIgnoreCase(base.getScheme());
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : (ssl ? 443 : 80);
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.origin = base.getScheme().toLowerCase() + "://" + base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "");
        this.poolWait = poolWait;
        this.readTimeout = readTimeout;
        this.retries = Math.max(0, retries);
    }

    public String name() {
        return name;
    }

    /** {@code scheme://host:port} of the service, as its absolute {@code Location}s start. */
    public String origin() {
        return origin;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    HttpClient client() {
        return client;
    }

    /**
     * Sends a request whose body streams from {@code body} as it arrives. Never retried: the body cannot be read
     * twice.
     */
    public Future<HttpClientResponse> stream(HttpMethod method, String uri, MultiMap headers, ReadStream<Buffer> body,
                                             Duration routeReadTimeout) {
        BooleanSupplier tooLarge = () -> body instanceof LimitedBody limited && limited.exceeded();
        return attempt(method, uri, headers, routeReadTimeout, request -> {
            if (!headers.contains("Content-Length")) {
                request.setChunked(true);
            }
            // not request.send(body): its pipe ends the request when the body fails, and a chunked body cut off
            // there would reach the service as a complete, shorter one. A failed body resets the request instead.
            body.pipe().endOnFailure(false).to(request).onFailure(failure -> request.reset(0, failure));
            return request.response();
        }, tooLarge);
    }

    /**
     * Sends a request with a body in hand (or none). GET and HEAD without a body are tried again, up to the
     * service's {@code retries}, when no answer came; an answer, even a 5xx, is never retried, nor a circuit that is
     * open, nor a full pool (the retry would join the same queue).
     */
    public Future<HttpClientResponse> send(HttpMethod method, String uri, MultiMap headers, Buffer body,
                                           Duration routeReadTimeout) {
        boolean safe = (method == HttpMethod.GET || method == HttpMethod.HEAD) && (body == null || body.length() == 0);
        Function<HttpClientRequest, Future<HttpClientResponse>> sender =
                request -> body == null ? request.send() : request.send(body);
        if (!safe || retries == 0) {
            return attempt(method, uri, headers, routeReadTimeout, sender, () -> false);
        }
        Promise<HttpClientResponse> result = Promise.promise();
        tryWithRetries(method, uri, headers, routeReadTimeout, sender, retries, result);
        return result.future();
    }

    /**
     * One GET without retries, for the parts of an aggregate: its own deadline leaves no time for a second try. A
     * part still silent at that deadline does not count against the circuit: the aggregate's deadline (2 s) is far
     * shorter than the service's read timeout, and a service that is merely slower than an aggregate's patience must
     * not have its circuit opened for every other call (under load that had made nearly every overview partial).
     * Refused connections and 5xx still count.
     */
    public Future<HttpClientResponse> getOnce(String uri, MultiMap headers, Duration timeout) {
        return attempt(HttpMethod.GET, uri, headers, timeout, HttpClientRequest::send, () -> false, false);
    }

    private void tryWithRetries(HttpMethod method, String uri, MultiMap headers, Duration routeReadTimeout,
                                Function<HttpClientRequest, Future<HttpClientResponse>> sender, int left,
                                Promise<HttpClientResponse> result) {
        attempt(method, uri, headers, routeReadTimeout, sender, () -> false).onComplete(ar -> {
            if (ar.succeeded()) {
                result.complete(ar.result());
            } else if (left > 0 && ar.cause() instanceof UpstreamFailure failure
                    && failure.kind() != UpstreamFailure.Kind.CIRCUIT_OPEN && failure.kind() != UpstreamFailure.Kind.BUSY) {
                // a short pause, so a service restarting gets a moment; the breaker still counts every attempt
                vertx.setTimer(50L * (retries - left + 1),
                        id -> tryWithRetries(method, uri, headers, routeReadTimeout, sender, left - 1, result));
            } else {
                result.fail(ar.cause());
            }
        });
    }

    private Future<HttpClientResponse> attempt(HttpMethod method, String uri, MultiMap headers, Duration routeReadTimeout,
                                               Function<HttpClientRequest, Future<HttpClientResponse>> sender,
                                               BooleanSupplier tooLarge) {
        return attempt(method, uri, headers, routeReadTimeout, sender, tooLarge, true);
    }

    private Future<HttpClientResponse> attempt(HttpMethod method, String uri, MultiMap headers, Duration routeReadTimeout,
                                               Function<HttpClientRequest, Future<HttpClientResponse>> sender,
                                               BooleanSupplier tooLarge, boolean timeoutsCount) {
        if (!breaker.tryAcquire()) {
            return Future.failedFuture(new UpstreamFailure(UpstreamFailure.Kind.CIRCUIT_OPEN,
                    name + " is unavailable at the moment", breaker.retryAfter(), null));
        }
        Duration timeout = routeReadTimeout != null ? routeReadTimeout : readTimeout;
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setHost(host)
                .setPort(port)
                .setSsl(ssl)
                .setURI(basePath + uri)
                .setHeaders(headers)
                // in Vert.x this bounds the wait for a pooled connection as well as the TCP connect; the TCP connect
                // alone is bounded by the client's connect-timeout (Upstreams), so this is the pool wait
                .setConnectTimeout(Math.max(1, poolWait.toMillis()))
                .setIdleTimeout(Math.max(1, timeout.toMillis()));
        Future<HttpClientRequest> obtained = client.request(options).recover(failure -> Future.failedFuture(
                UpstreamFailure.isPoolWait(failure) ? UpstreamFailure.busy(name, poolWait, failure) : failure));
        return obtained.compose(sender).transform(ar -> {
            if (ar.succeeded()) {
                if (ar.result().statusCode() >= 500) {
                    breaker.onFailure();
                } else {
                    breaker.onSuccess();
                }
                return Future.succeededFuture(ar.result());
            }
            if (ar.cause() instanceof UpstreamFailure busy && busy.kind() == UpstreamFailure.Kind.BUSY) {
                // the gateway's own queue was full: says nothing about the service's health
                breaker.release();
                return Future.failedFuture(busy);
            }
            if (tooLarge.getAsBoolean() || causedBy(ar.cause(), LimitedBody.TooLarge.class)) {
                // the client's fault, not the service's
                breaker.release();
                return Future.failedFuture(new LimitedBody.TooLarge());
            }
            UpstreamFailure failure = UpstreamFailure.of(name, ar.cause());
            if (failure.kind() == UpstreamFailure.Kind.TIMEOUT && !timeoutsCount) {
                breaker.release();
            } else {
                breaker.onFailure();
            }
            return Future.failedFuture(failure);
        });
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
