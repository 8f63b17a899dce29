package io.consilium.document.api;

import io.consilium.document.config.UploadConfig;
import io.consilium.document.service.UploadCompletion;
import io.consilium.document.service.UploadSessions;
import io.consilium.document.service.Uploads;
import io.consilium.document.storage.AppendPipeline;
import io.consilium.document.storage.UploadBuffers;
import io.consilium.platform.http.RouteProblems;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.ProblemType;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.CurrentCaller;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The tus {@code PATCH}: appends the request body to an upload's part file as it arrives, with constant memory.
 * <p>
 * A plain Vert.x route, not a JAX-RS resource, so no layer buffers the body: the headers are parsed first
 * ({@link TusAppendRequest}), the request is paused while the caller and the upload are checked on a worker
 * thread, then its chunks are grouped, without copying, into batches of about 1 MiB that the
 * {@link AppendPipeline} writes to the part and hashes off the event loop, and the request is paused while too
 * many batches are in flight (backpressure, {@link UploadBuffers}). It is ordered before Quarkus' own body-size
 * check (which would refuse large bodies with an empty 413): the per-type limits of {@code ContentPolicy} and the declared
 * {@code Upload-Length} bound every append instead, from {@code Content-Length} before a byte is read (with
 * {@code Expect: 100-continue}, before the client sends it), and byte by byte for chunked bodies.
 * <p>
 * A dropped connection keeps what arrived: the part's size is the new offset and the digest state is kept for
 * the resume. The append that reaches {@code Upload-Length} completes the upload ({@link UploadCompletion}).
 */
@ApplicationScoped
public class UploadAppendRoute {

    private static final Logger LOG = Logger.getLogger(UploadAppendRoute.class);
    public static final String PATH = "/api/v1/uploads/:uploadId";
    /** Bytes collected from the request before they are hashed and written in one go. */
    static final int BATCH = 1024 * 1024;
    /** Bytes written between two {@code fdatasync}s of the part ({@code consilium.document.upload.sync-every}). */
    private final long syncEvery;

    private final ExecutorService writers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "upload-writer");
        thread.setDaemon(true);
        return thread;
    });

    private final Vertx vertx;
    private final IdentityProviderManager identities;
    private final Uploads uploads;
    private final UploadCompletion completion;
    private final UploadSessions sessions;
    private final UploadBuffers buffers;

    UploadAppendRoute(Vertx vertx, IdentityProviderManager identities, Uploads uploads, UploadCompletion completion,
                      UploadSessions sessions, UploadBuffers buffers, UploadConfig config) {
        this.syncEvery = config.syncEvery().asLongValue();
        this.vertx = vertx;
        this.identities = identities;
        this.uploads = uploads;
        this.completion = completion;
        this.sessions = sessions;
        this.buffers = buffers;
    }

    @PreDestroy
    void stopWriters() {
        writers.shutdown();
    }

    void install(@Observes Router router) {
        router.patch(PATH).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::append);
    }

    void append(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        ctx.response().putHeader("Tus-Resumable", UploadResource.TUS_VERSION);
        TusAppendRequest append;
        try {
            append = TusAppendRequest.parse(ctx.pathParam("uploadId"), request::getHeader);
        } catch (TusAppendRequest.Refused refused) {
            if (refused.type() == ProblemType.PRECONDITION_FAILED) {
                ctx.response().putHeader("Tus-Version", UploadResource.TUS_VERSION);
            }
            fail(ctx, refused.type(), refused.getMessage());
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(ctx, identities).subscribe().with(
                identity -> authenticated(ctx, identity, append),
                failure -> fail(ctx, ProblemType.UNAUTHENTICATED, "A valid bearer token is required"));
    }

    private void authenticated(RoutingContext ctx, SecurityIdentity identity, TusAppendRequest append) {
        if (identity == null || identity.isAnonymous()) {
            fail(ctx, ProblemType.UNAUTHENTICATED, "A valid bearer token is required");
            return;
        }
        Caller caller = CurrentCaller.of(identity);
        UUID uploadId = append.uploadId();
        if (!sessions.begin(uploadId)) {
            fail(ctx, ProblemType.CONFLICT, "Another append to this upload is in progress; retry with HEAD first");
            return;
        }
        vertx.<Admitted>executeBlocking(() -> {
            Uploads.AppendPlan plan = uploads.admitAppend(caller, uploadId, append.offset(), append.contentLength());
            MessageDigest digest = sessions.digestAt(uploadId, plan.part(), plan.offset());
            FileChannel channel = FileChannel.open(plan.part(), StandardOpenOption.WRITE);
            return new Admitted(plan, digest, channel);
        }, false).onComplete(admitted -> {
            if (admitted.failed()) {
                sessions.end(uploadId);
                failWith(ctx, admitted.cause());
                return;
            }
            new Append(ctx, caller, admitted.result()).start();
        });
    }

    private record Admitted(Uploads.AppendPlan plan, MessageDigest digest, FileChannel channel) {
    }

    /**
     * One PATCH's body. The event loop only collects the request's small chunks into batches of {@link #BATCH}
     * bytes and hands them to the {@link AppendPipeline}, which writes and hashes them off the event loop;
     * {@link UploadBuffers} says when the request must pause until it catches up, so memory per append, and over
     * all appends, is bounded whatever the size.
     */
    private final class Append {
        private final RoutingContext ctx;
        private final Caller caller;
        private final Uploads.AppendPlan plan;
        private final MessageDigest digest;
        private final FileChannel channel;
        private final AppendPipeline pipeline;
        /**
         * The request's chunks since the last batch, kept as they came: hashed and written (one gathering write)
         * from where they are, so the event loop copies nothing and no batch-sized array is allocated.
         */
        private List<Buffer> pendingChunks = new ArrayList<>();
        private long pendingBytes;
        private long received;
        private boolean paused;
        private boolean finished;
        /** Time the request spent paused because the writer or the hasher was behind. */
        private long pausedNanos;
        private long pausedAt;
        private final long startedNanos = System.nanoTime();

        Append(RoutingContext ctx, Caller caller, Admitted admitted) {
            this.ctx = ctx;
            this.caller = caller;
            this.plan = admitted.plan();
            this.digest = admitted.digest();
            this.channel = admitted.channel();
            // The request's own event-loop context: all state above is touched on it only.
            Context context = Vertx.currentContext();
            this.pipeline = new AppendPipeline(channel, plan.offset(), digest, syncEvery, writers,
                    task -> context.runOnContext(v -> task.run()), this::written);
        }

        void start() {
            HttpServerRequest request = ctx.request();
            request.handler(this::chunk);
            request.endHandler(v -> end());
            request.exceptionHandler(e -> abort("connection lost: " + e.getMessage()));
            ctx.response().closeHandler(v -> abort("connection closed"));
            if (ctx.response().closed()) {
                // The client went away while the append was being admitted: release the upload.
                abort("connection closed before the body was read");
                return;
            }
            if ("100-continue".equalsIgnoreCase(request.getHeader("Expect")) && request.version() != HttpVersion.HTTP_1_0) {
                ctx.response().writeContinue();
            }
            request.resume();
        }

        private void chunk(Buffer buffer) {
            if (finished) {
                return;
            }
            if (plan.offset() + received + buffer.length() > plan.length()) {
                // Only a chunked body can get here (Content-Length was checked): keep nothing of this request.
                finished = true;
                ctx.request().pause();
                pendingChunks = new ArrayList<>();
                pendingBytes = 0;
                pipeline.whenIdle(() -> {
                    closeChannel();
                    // the upload stays locked until the part is back at its offset: a HEAD or PATCH in between
                    // would otherwise see (and build on) the bytes this refused request wrote
                    truncateBack(() -> {
                        sessions.end(plan.uploadId());
                        fail(ctx, ProblemType.PAYLOAD_TOO_LARGE,
                                "The request exceeds the declared Upload-Length of " + plan.length() + " bytes");
                    });
                });
                return;
            }
            received += buffer.length();
            pendingChunks.add(buffer);
            pendingBytes += buffer.length();
            if (pendingBytes >= BATCH) {
                flush();
            }
        }

        /** Hands the collected bytes to the pipeline; pauses the request while too many batches wait. */
        private void flush() {
            if (pendingBytes == 0) {
                return;
            }
            List<Buffer> chunks = pendingChunks;
            long batchBytes = pendingBytes;
            pendingChunks = new ArrayList<>();
            pendingBytes = 0;
            int inFlight = pipeline.submit(chunks, batchBytes);
            if (buffers.take(batchBytes, inFlight) && !paused) {
                paused = true;
                pausedAt = System.nanoTime();
                ctx.request().pause();
            }
        }

        private void written(long batchBytes, int inFlight) {
            if (buffers.give(batchBytes, inFlight) && paused && !finished) {
                paused = false;
                pausedNanos += System.nanoTime() - pausedAt;
                ctx.request().resume();
            }
        }

        private void end() {
            if (finished) {
                return;
            }
            finished = true;
            flush();
            pipeline.whenIdle(() -> {
                closeChannel();
                if (pipeline.failure() != null) {
                    keepWhatWasWritten();
                    failWith(ctx, pipeline.failure());
                    return;
                }
                long newOffset = plan.offset() + received;
                sessions.checkpoint(plan.uploadId(), newOffset, digest);
                if (newOffset < plan.length()) {
                    sessions.end(plan.uploadId());
                    ctx.response().setStatusCode(204).putHeader("Upload-Offset", Long.toString(newOffset)).end();
                    return;
                }
                String sha256 = HexFormat.of().formatHex(digest.digest());
                long streamedNanos = System.nanoTime();
                vertx.<UUID>executeBlocking(() -> completion.complete(caller, plan.uploadId(), plan.part(), sha256), false)
                        .onComplete(done -> {
                            LOG.debugf("Upload %s: %d bytes streamed in %d ms (writing %d ms, hashing %d ms, paused %d ms),"
                                            + " completed in %d ms", plan.uploadId(), received,
                                    (streamedNanos - startedNanos) / 1_000_000, pipeline.writeNanos() / 1_000_000,
                                    pipeline.hashNanos() / 1_000_000, pausedNanos / 1_000_000,
                                    (System.nanoTime() - streamedNanos) / 1_000_000);
                            sessions.forget(plan.uploadId());
                            sessions.end(plan.uploadId());
                            if (done.failed()) {
                                failWith(ctx, done.cause());
                                return;
                            }
                            ctx.response().setStatusCode(204)
                                    .putHeader("Upload-Offset", Long.toString(newOffset))
                                    .putHeader("Content-Location", "/api/v1/documents/" + done.result())
                                    .putHeader("Document-Id", done.result().toString())
                                    .end();
                        });
            });
        }

        /** The connection broke: write what arrived and keep it, so the client can resume from there. */
        private void abort(String why) {
            if (finished) {
                return;
            }
            finished = true;
            flush();
            pipeline.whenIdle(() -> {
                closeChannel();
                LOG.debugf("Append to upload %s stopped at %d: %s", plan.uploadId(), plan.offset() + received, why);
                keepWhatWasWritten();
                if (!ctx.response().ended() && !ctx.response().closed()) {
                    fail(ctx, ProblemType.INTERNAL, "The append stopped at offset " + (plan.offset() + received));
                }
            });
        }

        /** After a write failure the part may hold less than was received: forget the digest, the next append rehashes. */
        private void keepWhatWasWritten() {
            if (pipeline.failure() == null) {
                sessions.checkpoint(plan.uploadId(), plan.offset() + received, digest);
            } else {
                sessions.forget(plan.uploadId());
            }
            sessions.end(plan.uploadId());
        }

        private void truncateBack(Runnable then) {
            vertx.executeBlocking(() -> {
                try (FileChannel part = FileChannel.open(plan.part(), StandardOpenOption.WRITE)) {
                    part.truncate(plan.offset());
                }
                return null;
            }, false).onComplete(truncated -> {
                if (truncated.failed()) {
                    LOG.warnf("Truncating upload %s back to %d failed: %s", plan.uploadId(), plan.offset(),
                            truncated.cause().getMessage());
                }
                sessions.forget(plan.uploadId());
                then.run();
            });
        }

        private void closeChannel() {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warnf("Closing the part of upload %s failed: %s", plan.uploadId(), e.getMessage());
            }
        }
    }

    private static void failWith(RoutingContext ctx, Throwable cause) {
        RouteProblems.fail(ctx, cause);
    }

    private static void fail(RoutingContext ctx, ProblemType type, String detail) {
        RouteProblems.write(ctx, type, detail);
    }
}
