package io.consilium.notification.webhook;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Posts one signed webhook on Vert.x's non-blocking HTTP client, so no thread waits while a receiver thinks: a
 * connect timeout, one deadline for the whole attempt (connect and answer; at the deadline the connection is reset),
 * redirects never followed, and only the first {@code headBytes} of the answer kept; the rest is discarded as it
 * arrives. The connection goes to the address the SSRF check resolved, not to a second DNS answer.
 *
 * <p>Why not the JDK's {@code HttpClient}: its {@code sendAsync} hands every answer to the common fork-join pool,
 * which on a 2-core machine has one thread and so is a new thread per answer; at a thousand deliveries a second
 * that and its selector thread were a fifth of the sender's CPU.
 */
public final class WebhookClient implements AutoCloseable {

    private final Vertx vertx;
    private final HttpClient http;
    private final long deadlineMillis;
    private final int headBytes;
    private final Executor callbacks;

    /**
     * @param maxConnections connections in all (the dispatcher bounds the requests per endpoint; the pool must not
     *                       make endpoints on one host wait for each other)
     * @param callbacks      where answers are handed over: off the event loop, since the dispatcher's next steps
     *                       resolve host names and may block
     */
    public WebhookClient(Vertx vertx, Duration connectTimeout, Duration readTimeout, int headBytes, int maxConnections,
                         Executor callbacks) {
        this.vertx = vertx;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                        .setProtocolVersion(HttpVersion.HTTP_1_1)
                        .setConnectTimeout((int) connectTimeout.toMillis())
                        .setKeepAlive(true)
                        .setKeepAliveTimeout(30)
                        // the connection goes to an address, not a name: SNI and the certificate check must still
                        // use the URL's host name
                        .setForceSni(true)
                        .setVerifyHost(true)
                        .setTryUseCompression(false),
                new PoolOptions().setHttp1MaxSize(maxConnections).setMaxWaitQueueSize(-1));
        this.deadlineMillis = connectTimeout.plus(readTimeout).toMillis();
        this.headBytes = headBytes;
        this.callbacks = callbacks;
    }

    /**
     * @param address where to connect (the host's address as checked), or null to resolve the URL's host
     */
    public CompletableFuture<WebhookResponse> post(String url, InetAddress address, Map<String, String> headers,
                                                   String body) {
        RequestOptions options;
        try {
            options = options(url, address);
        } catch (URISyntaxException | RuntimeException e) {
            return CompletableFuture.completedFuture(new WebhookResponse(null, null, 0, "not a URL the client accepts"));
        }
        options.putHeader("Content-Type", "application/json").putHeader("User-Agent", "Consilium-Webhooks/1");
        headers.forEach(options::putHeader);
        Attempt attempt = new Attempt();
        attempt.timer = vertx.setTimer(deadlineMillis, id -> attempt.timedOut());
        http.request(options).onComplete(connected -> {
            if (connected.failed()) {
                attempt.failed(connected.cause());
                return;
            }
            HttpClientRequest request = connected.result();
            attempt.request = request;
            request.send(Buffer.buffer(body)).onComplete(answered -> {
                if (answered.failed()) {
                    attempt.failed(answered.cause());
                    return;
                }
                HttpClientResponse response = answered.result();
                Head head = new Head(headBytes);
                response.handler(head::add);
                response.exceptionHandler(attempt::failed);
                response.endHandler(end -> attempt.answered(response.statusCode(), head.text()));
            });
        });
        return attempt.result;
    }

    private static RequestOptions options(String url, InetAddress address) throws URISyntaxException {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
                .setFollowRedirects(false);
        if (address != null) {
            URI uri = new URI(url);
            boolean https = "https".equals(uri.getScheme().toLowerCase(Locale.ROOT));
            int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
            options.setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)));
        }
        return options;
    }

    @Override
    public void close() {
        http.close();
    }

    /** One attempt's single outcome: the answer, a failure or the deadline, whichever comes first. */
    private final class Attempt {
        final CompletableFuture<WebhookResponse> result = new CompletableFuture<>();
        final long started = System.nanoTime();
        final AtomicBoolean over = new AtomicBoolean();
        volatile HttpClientRequest request;
        long timer;

        void answered(int status, String head) {
            finish(new WebhookResponse(status, head, elapsed(), null));
        }

        void failed(Throwable failure) {
            finish(new WebhookResponse(null, null, elapsed(), describe(failure)));
        }

        void timedOut() {
            if (finish(new WebhookResponse(null, null, elapsed(), "timed out"))) {
                HttpClientRequest pending = request;
                if (pending != null) {
                    pending.reset(0, new TimeoutException("deadline"));
                }
            }
        }

        private boolean finish(WebhookResponse response) {
            if (!over.compareAndSet(false, true)) {
                return false;
            }
            vertx.cancelTimer(timer);
            callbacks.execute(() -> result.complete(response));
            return true;
        }

        private long elapsed() {
            return (System.nanoTime() - started) / 1_000_000;
        }
    }

    private static String describe(Throwable failure) {
        if (failure instanceof TimeoutException || failure instanceof ConnectTimeoutException) {
            return "timed out";
        }
        if (failure instanceof java.net.ConnectException) {
            return "connection refused";
        }
        String name = failure.getClass().getSimpleName();
        return failure.getMessage() == null ? name : name + ": " + failure.getMessage();
    }

    /** Keeps the first bytes of the answer; what comes after is dropped as it arrives. */
    static final class Head {

        private final int limit;
        private final Buffer kept = Buffer.buffer();

        Head(int limit) {
            this.limit = limit;
        }

        void add(Buffer chunk) {
            int room = limit - kept.length();
            if (room > 0) {
                kept.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
            }
        }

        String text() {
            String text = new String(kept.getBytes(), StandardCharsets.UTF_8);
            // a cut in the middle of a multi-byte character leaves a replacement character at the end, not garbage
            return text.length() > limit ? text.substring(0, limit) : text;
        }
    }
}
