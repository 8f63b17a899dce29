package io.consilium.notification.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts one signed webhook without blocking a thread while the receiver thinks: a connect timeout, an overall
 * timeout for the answer (headers and the part of the body kept), redirects never followed, and only the first
 * {@code headBytes} of the answer read into memory; the rest is discarded as it arrives.
 */
public final class WebhookClient {

    private final HttpClient http;
    private final Duration readTimeout;
    private final int headBytes;

    public WebhookClient(Duration connectTimeout, Duration readTimeout, int headBytes, Executor executor) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .executor(executor)
                .build();
        this.readTimeout = readTimeout;
        this.headBytes = headBytes;
    }

    public CompletableFuture<WebhookResponse> post(String url, Map<String, String> headers, String body) {
        long started = System.nanoTime();
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(readTimeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Consilium-Webhooks/1")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            headers.forEach(request::header);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new WebhookResponse(null, null, 0, "not a URL the client accepts"));
        }
        return http.sendAsync(request.build(), info -> new Head(headBytes))
                .orTimeout(readTimeout.toMillis() + 500, TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    if (failure != null) {
                        return new WebhookResponse(null, null, latency, describe(failure));
                    }
                    return new WebhookResponse(response.statusCode(), response.body(), latency, null);
                });
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "timed out";
        }
        if (cause instanceof java.net.ConnectException) {
            return "connection refused";
        }
        String name = cause.getClass().getSimpleName();
        return cause.getMessage() == null ? name : name + ": " + cause.getMessage();
    }

    /** Keeps the first bytes of the answer, discards the rest without buffering it. */
    static final class Head implements HttpResponse.BodySubscriber<String> {

        private final int limit;
        private final ByteBuffer kept;
        private final CompletableFuture<String> result = new CompletableFuture<>();

        Head(int limit) {
            this.limit = limit;
            this.kept = ByteBuffer.allocate(limit);
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                int n = Math.min(kept.remaining(), item.remaining());
                if (n > 0) {
                    ByteBuffer slice = item.slice();
                    slice.limit(n);
                    kept.put(slice);
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            String text = new String(kept.array(), 0, kept.position(), StandardCharsets.UTF_8);
            // a cut in the middle of a multi-byte character leaves a replacement character at the end, not garbage
            result.complete(text.length() > limit ? text.substring(0, limit) : text);
        }
    }
}
