package io.consilium.gateway.api;

import io.consilium.gateway.config.IdempotencyConfig;
import io.consilium.gateway.domain.ClientId;
import io.consilium.gateway.domain.IdempotencyKey;
import io.consilium.gateway.domain.IdempotencyOutcome;
import io.consilium.gateway.domain.RequestFingerprint;
import io.consilium.gateway.domain.Route;
import io.consilium.gateway.domain.StoredAnswer;
import io.consilium.gateway.proxy.LimitedBody;
import io.consilium.gateway.proxy.Upstream;
import io.consilium.gateway.service.IdempotencyStore;
import io.consilium.platform.problem.ProblemType;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A POST with an {@code Idempotency-Key} (draft-ietf-httpapi-idempotency-key-header), scoped to the calling client:
 * <ul>
 *     <li>the first request with the key claims it (its row in the database), goes to the service, and its answer is
 *     kept for {@code retention} (24 h);</li>
 *     <li>the same key with the same method, target and body gets that answer again, marked
 *     {@code Idempotent-Replayed: true}, and the service sees nothing;</li>
 *     <li>the same key with something else: 422;</li>
 *     <li>the same key while the first is still running: the repeat waits for its answer up to {@code in-flight-wait},
 *     then 409.</li>
 * </ul>
 * The body is read whole (up to {@code max-body-size}) to be compared; answers the client may retry (5xx, no
 * answer, 401, 408, 429) are not kept, and the key is free again.
 */
@ApplicationScoped
public class IdempotentPosts {

    private static final Logger LOG = Logger.getLogger(IdempotentPosts.class);
    static final String REPLAYED = "Idempotent-Replayed";
    /** How often a waiting repeat looks at the key when no answer on this instance woke it. */
    private static final long POLL_MS = 250;

    private final Vertx vertx;
    private final IdempotencyStore store;
    private final IdempotencyConfig config;

    IdempotentPosts(Vertx vertx, IdempotencyStore store, IdempotencyConfig config) {
        this.vertx = vertx;
        this.store = store;
        this.config = config;
    }

    private record Attempt(RoutingContext ctx, Route route, Upstream upstream, String scope, String key,
                           String fingerprint, Buffer body, long waitUntil) {
        String waitKey() {
            return scope + "\n" + key;
        }
    }

    /**
     * Repeats on this instance waiting for a key's first request: told the moment its answer is kept or its key let
     * go, so they need not poll often. Repeats that reached another instance find out by polling.
     */
    private final Map<String, List<Runnable>> waiting = new ConcurrentHashMap<>();

    void handle(RoutingContext ctx, Route route, Upstream upstream, ClientId client, IdempotencyKey key, long declared) {
        long limit = Math.min(route.maxBodySize(), config.maxBodySize().asLongValue());
        if (declared > limit) {
            GatewayProblems.write(ctx, ProblemType.PAYLOAD_TOO_LARGE, "A request with an Idempotency-Key may carry up to "
                    + limit + " bytes", Map.of());
            return;
        }
        Forwarding.continueIfExpected(ctx);
        read(ctx, limit).onComplete(read -> {
            if (read.failed()) {
                if (read.cause() instanceof LimitedBody.TooLarge) {
                    GatewayProblems.write(ctx, ProblemType.PAYLOAD_TOO_LARGE, "A request with an Idempotency-Key may carry up to "
                            + limit + " bytes", Map.of());
                }
                // otherwise the client went away while sending: nobody to answer
                return;
            }
            Buffer body = read.result();
            String fingerprint = RequestFingerprint.of("POST", Forwarding.target(ctx), ctx.request().getHeader("Content-Type"),
                    body.getBytes());
            long waitUntil = System.nanoTime() + config.inFlightWait().toNanos();
            begin(new Attempt(ctx, route, upstream, client.scope(), key.value(), fingerprint, body, waitUntil));
        });
    }

    private void begin(Attempt attempt) {
        vertx.executeBlocking(() -> store.begin(attempt.scope(), attempt.key(), attempt.fingerprint()), false)
                .onComplete(outcome -> {
                    if (outcome.failed()) {
                        unavailable(attempt, outcome.cause());
                    } else {
                        decide(attempt, outcome.result());
                    }
                });
    }

    private void decide(Attempt attempt, IdempotencyOutcome outcome) {
        RoutingContext ctx = attempt.ctx();
        if (outcome instanceof IdempotencyOutcome.Proceed) {
            forward(attempt);
        } else if (outcome instanceof IdempotencyOutcome.Replay replay) {
            write(ctx, replay.answer(), true);
        } else if (outcome instanceof IdempotencyOutcome.Mismatch) {
            GatewayProblems.write(ctx, ProblemType.UNPROCESSABLE, "This Idempotency-Key was used for another request "
                    + "(another path or body); use a new key for a new request", Map.of());
        } else if (System.nanoTime() < attempt.waitUntil()) {
            waitFor(attempt);
        } else {
            GatewayProblems.write(ctx, ProblemType.CONFLICT, "The first request with this Idempotency-Key is still being "
                    + "processed; retry later to get its answer", Map.of("Retry-After", "1"));
        }
    }

    private void waitFor(Attempt attempt) {
        AtomicBoolean looked = new AtomicBoolean();
        Context context = vertx.getOrCreateContext();
        Runnable lookOnce = () -> {
            if (looked.compareAndSet(false, true)) {
                // on the request's own event loop, whoever woke it
                context.runOnContext(v -> look(attempt));
            }
        };
        waiting.computeIfAbsent(attempt.waitKey(), k -> new CopyOnWriteArrayList<>()).add(lookOnce);
        long untilDeadline = Math.max(1, (attempt.waitUntil() - System.nanoTime()) / 1_000_000);
        vertx.setTimer(Math.min(POLL_MS, untilDeadline), id -> {
            List<Runnable> list = waiting.get(attempt.waitKey());
            if (list != null) {
                list.remove(lookOnce);
            }
            lookOnce.run();
        });
    }

    /** Wakes the repeats on this instance waiting for the key. */
    private void settled(Attempt attempt) {
        List<Runnable> list = waiting.remove(attempt.waitKey());
        if (list != null) {
            list.forEach(Runnable::run);
        }
    }

    /** A repeat waiting for the first request: looks at the key without claiming it, unless the first let it go. */
    private void look(Attempt attempt) {
        if (attempt.ctx().response().closed()) {
            return;
        }
        vertx.executeBlocking(() -> store.look(attempt.scope(), attempt.key(), attempt.fingerprint()), false)
                .onComplete(outcome -> {
                    if (outcome.failed()) {
                        unavailable(attempt, outcome.cause());
                    } else if (outcome.result() instanceof IdempotencyOutcome.Proceed) {
                        begin(attempt);
                    } else {
                        decide(attempt, outcome.result());
                    }
                });
    }

    private void forward(Attempt attempt) {
        RoutingContext ctx = attempt.ctx();
        Upstream upstream = attempt.upstream();
        upstream.send(HttpMethod.POST, Forwarding.target(ctx, attempt.route()), Forwarding.upstreamHeaders(ctx), attempt.body(),
                        attempt.route().readTimeout().orElse(null))
                .onSuccess(answer -> keep(attempt, answer))
                .onFailure(failure -> release(attempt).onComplete(v -> Forwarding.fail(ctx, failure)));
    }

    private void keep(Attempt attempt, HttpClientResponse answer) {
        RoutingContext ctx = attempt.ctx();
        long max = config.maxStoredAnswer().asLongValue();
        String declared = answer.getHeader("Content-Length");
        if (declared != null && parses(declared) && Long.parseLong(declared) > max) {
            // too large to keep: passed through as a stream, and the key is free again
            release(attempt).onComplete(v -> Forwarding.relay(ctx, attempt.upstream(), answer));
            return;
        }
        List<Map.Entry<String, String>> headers = Forwarding.answerHeaders(ctx, attempt.upstream(), answer.headers());
        answer.body().onComplete(body -> {
            if (body.failed()) {
                release(attempt).onComplete(v -> Forwarding.fail(ctx, body.cause()));
                return;
            }
            StoredAnswer stored = new StoredAnswer(answer.statusCode(), Forwarding.storedHeaders(headers), body.result().getBytes());
            if (!StoredAnswer.keptForReplay(answer.statusCode()) || body.result().length() > max) {
                release(attempt).onComplete(v -> write(ctx, stored, false));
                return;
            }
            vertx.executeBlocking(() -> {
                store.complete(attempt.scope(), attempt.key(), stored);
                return null;
            }, false).onComplete(done -> {
                settled(attempt);
                if (done.failed()) {
                    // the client still gets its answer; a repeat finds the key in flight until its lease runs out
                    LOG.errorf(done.cause(), "Answer of an idempotent request not kept (route %s)", attempt.route().name());
                }
                write(ctx, stored, false);
            });
        });
    }

    private Future<Void> release(Attempt attempt) {
        return vertx.executeBlocking(() -> {
            store.release(attempt.scope(), attempt.key());
            return null;
        }, false).<Void>mapEmpty().otherwiseEmpty().onComplete(v -> settled(attempt));
    }

    private static void unavailable(Attempt attempt, Throwable cause) {
        LOG.errorf(cause, "Idempotency keys not available (route %s)", attempt.route().name());
        GatewayProblems.write(attempt.ctx(), GatewayProblems.Kind.UNAVAILABLE,
                "Requests with an Idempotency-Key cannot be taken at the moment; retry later", Map.of("Retry-After", "5"));
    }

    private static void write(RoutingContext ctx, StoredAnswer answer, boolean replayed) {
        var out = ctx.response();
        if (out.closed() || out.ended()) {
            return;
        }
        out.setStatusCode(answer.status());
        answer.headers().forEach(h -> {
            if (!h.getKey().equalsIgnoreCase("Content-Length")) {
                out.headers().add(h.getKey(), h.getValue());
            }
        });
        if (replayed) {
            out.putHeader(REPLAYED, "true");
        }
        out.end(Buffer.buffer(answer.body() == null ? new byte[0] : answer.body()));
    }

    /** The whole body, failing with {@link LimitedBody.TooLarge} past {@code limit}. */
    private static Future<Buffer> read(RoutingContext ctx, long limit) {
        if (ctx.request().isEnded()) {
            // a POST without body (an action such as submit) may have ended before it was paused
            return Future.succeededFuture(Buffer.buffer());
        }
        Promise<Buffer> result = Promise.promise();
        Buffer body = Buffer.buffer();
        LimitedBody limited = new LimitedBody(ctx.request(), limit);
        limited.exceptionHandler(result::tryFail);
        limited.endHandler(v -> result.tryComplete(body));
        limited.handler(body::appendBuffer);
        limited.resume();
        return result.future();
    }

    private static boolean parses(String number) {
        try {
            Long.parseLong(number.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
