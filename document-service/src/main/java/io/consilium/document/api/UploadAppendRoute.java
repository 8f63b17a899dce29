package io.consilium.document.api;

import io.consilium.document.service.UploadCompletion;
import io.consilium.document.service.UploadSessions;
import io.consilium.document.service.Uploads;
import io.consilium.document.storage.UploadBuffers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.ProblemType;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.CurrentCaller;
import io.quarkus.runtime.configuration.MemorySize;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The tus {@code PATCH}: appends the request body to an upload's part file as it arrives, with constant memory.
 * <p>
 * A plain Vert.x route, not a JAX-RS resource, so no layer buffers the body: the request is paused while the
 * caller and the upload are checked on a worker thread, then its chunks are grouped, without copying, into
 * batches of about 1 MiB that, off the event loop, one thread per append writes to the part (one gathering
 * write) while another hashes them (SHA-256), and the request is paused while too many batches are in flight
 * (backpressure, {@link UploadBuffers}). It is ordered before Quarkus' own body-size check (which would
 * refuse large bodies with an empty 413): the per-type limits of {@link ContentPolicy} and the declared
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
    static final String OFFSET_CONTENT_TYPE = "application/offset+octet-stream";
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
    private final ObjectMapper json;

    UploadAppendRoute(Vertx vertx, IdentityProviderManager identities, Uploads uploads, UploadCompletion completion,
                      UploadSessions sessions, UploadBuffers buffers, ObjectMapper json,
                      @ConfigProperty(name = "consilium.document.upload.sync-every", defaultValue = "64M")
                      MemorySize syncEvery) {
        this.syncEvery = syncEvery.asLongValue();
        this.vertx = vertx;
        this.identities = identities;
        this.uploads = uploads;
        this.completion = completion;
        this.sessions = sessions;
        this.buffers = buffers;
        this.json = json;
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
        ctx.response().putHeader("Tus-Resumable", "1.0.0");
        UUID uploadId;
        long offset;
        Long contentLength;
        try {
            uploadId = UUID.fromString(ctx.pathParam("uploadId"));
        } catch (IllegalArgumentException e) {
            fail(ctx, ProblemType.NOT_FOUND, "Upload " + ctx.pathParam("uploadId") + " not found");
            return;
        }
        String tus = request.getHeader("Tus-Resumable");
        if (tus != null && !tus.equals("1.0.0")) {
            ctx.response().putHeader("Tus-Version", "1.0.0");
            fail(ctx, ProblemType.PRECONDITION_FAILED, "Only tus 1.0.0 is supported");
            return;
        }
        String contentType = request.getHeader("Content-Type");
        if (contentType == null || !contentType.trim().toLowerCase().startsWith(OFFSET_CONTENT_TYPE)) {
            fail(ctx, ProblemType.UNSUPPORTED_MEDIA_TYPE, "An append must have Content-Type " + OFFSET_CONTENT_TYPE);
            return;
        }
        try {
            offset = Long.parseLong(request.getHeader("Upload-Offset").trim());
            String length = request.getHeader("Content-Length");
            contentLength = length == null ? null : Long.parseLong(length.trim());
            if (offset < 0 || (contentLength != null && contentLength < 0)) {
                throw new NumberFormatException();
            }
        } catch (RuntimeException e) {
            fail(ctx, ProblemType.INVALID_REQUEST, "Upload-Offset (and Content-Length) must be non-negative numbers");
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(ctx, identities).subscribe().with(
                identity -> authenticated(ctx, identity, uploadId, offset, contentLength),
                failure -> fail(ctx, ProblemType.UNAUTHENTICATED, "A valid bearer token is required"));
    }

    private void authenticated(RoutingContext ctx, SecurityIdentity identity, UUID uploadId, long offset,
                               Long contentLength) {
        if (identity == null || identity.isAnonymous()) {
            fail(ctx, ProblemType.UNAUTHENTICATED, "A valid bearer token is required");
            return;
        }
        Caller caller = callerOf(identity);
        if (!sessions.begin(uploadId)) {
            fail(ctx, ProblemType.CONFLICT, "Another append to this upload is in progress; retry with HEAD first");
            return;
        }
        vertx.<Admitted>executeBlocking(() -> {
            Uploads.AppendPlan plan = uploads.admitAppend(caller, uploadId, offset, contentLength);
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
     * One PATCH's body. The event loop only collects the request's small chunks into batches of
     * {@link #BATCH} bytes; two serial executors per append take each batch, one writing it (and now and then
     * starting an fdatasync on a third thread, which the writer does not wait for), the other hashing it, both in
     * arrival order. {@link UploadBuffers} says when the request must pause until they catch up, so memory per
     * append, and over all appends, is bounded whatever the size.
     */
    private final class Append {
        private final RoutingContext ctx;
        private final Caller caller;
        private final Uploads.AppendPlan plan;
        private final MessageDigest digest;
        private final FileChannel channel;
        private final SerialExecutor writer;
        private final SerialExecutor hasher;
        /** Written since the last fdatasync; touched by the writer thread only. */
        private long unsynced;
        /** A background fdatasync of the part is running: the channel stays open until it is done. */
        private final AtomicBoolean syncing = new AtomicBoolean();
        /** Time spent writing (writer thread) and hashing (hasher thread), read after the last batch, for the log. */
        private long writeNanos;
        private long hashNanos;
        /**
         * The request's chunks since the last batch, kept as they came: hashed and written (one gathering write)
         * from where they are, so the event loop copies nothing and no batch-sized array is allocated.
         */
        private List<Buffer> pendingChunks = new ArrayList<>();
        private long pendingBytes;
        private long received;
        private int inFlight;
        private boolean paused;
        private boolean finished;
        private Runnable whenWritten;
        private volatile Throwable writeFailure;
        private long position;
        /** Time the request spent paused because the writer or the hasher was behind. */
        private long pausedNanos;
        private long pausedAt;
        private final long startedNanos = System.nanoTime();
        /** The request's own event-loop context: all state above is touched on it only. */
        private final Context context = Vertx.currentContext();

        Append(RoutingContext ctx, Caller caller, Admitted admitted) {
            this.ctx = ctx;
            this.caller = caller;
            this.plan = admitted.plan();
            this.digest = admitted.digest();
            this.channel = admitted.channel();
            this.writer = new SerialExecutor(writers);
            this.hasher = new SerialExecutor(writers);
            this.position = plan.offset();
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
                afterWrites(() -> {
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

        /** Hands the collected bytes to the writer; pauses the request while too many batches wait. */
        private void flush() {
            if (pendingBytes == 0) {
                return;
            }
            List<Buffer> chunks = pendingChunks;
            long batchBytes = pendingBytes;
            pendingChunks = new ArrayList<>();
            pendingBytes = 0;
            inFlight++;
            if (buffers.take(batchBytes, inFlight) && !paused) {
                paused = true;
                pausedAt = System.nanoTime();
                ctx.request().pause();
            }
            long at = position;
            position += batchBytes;
            // Writing and hashing run side by side (SHA-256 is the slowest step, about 1.4 GB/s here); the batch
            // is done when both are
            AtomicInteger remaining = new AtomicInteger(2);
            Runnable stepDone = () -> {
                if (remaining.decrementAndGet() == 0) {
                    context.runOnContext(v -> written(batchBytes));
                }
            };
            writer.execute(() -> {
                long startedWriting = System.nanoTime();
                try {
                    if (writeFailure == null) {
                        write(chunks, at, batchBytes);
                        unsynced += batchBytes;
                        if (unsynced >= syncEvery && syncing.compareAndSet(false, true)) {
                            // Let the kernel write back while the rest arrives, so the final fsync is short; on
                            // a thread of its own, so the writer goes on writing while the disk catches up.
                            unsynced = 0;
                            writers.execute(this::syncPart);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    writeFailure = e;
                }
                writeNanos += System.nanoTime() - startedWriting;
                stepDone.run();
            });
            hasher.execute(() -> {
                long startedHashing = System.nanoTime();
                try {
                    for (Buffer chunk : chunks) {
                        digest.update(chunk.getByteBuf().nioBuffer());
                    }
                } catch (RuntimeException e) {
                    // A digest that missed bytes must not name the file: the append fails like a failed write,
                    // its digest is forgotten and the next append hashes the part again. And the batch still
                    // ends, or the append would wait for it forever.
                    writeFailure = e;
                }
                hashNanos += System.nanoTime() - startedHashing;
                stepDone.run();
            });
        }

        /** Writes a batch at its position in one gathering write; one writer per append, so the position is ours. */
        private void write(List<Buffer> chunks, long at, long batchBytes) throws IOException {
            ByteBuffer[] bytes = new ByteBuffer[chunks.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = chunks.get(i).getByteBuf().nioBuffer();
            }
            channel.position(at);
            for (long written = 0; written < batchBytes; ) {
                written += channel.write(bytes);
            }
        }

        private void syncPart() {
            try {
                channel.force(false);
            } catch (IOException | RuntimeException e) {
                writeFailure = e;
            }
            syncing.set(false);
            context.runOnContext(v -> goOnIfIdle());
        }

        private void written(long batchBytes) {
            inFlight--;
            if (buffers.give(batchBytes, inFlight) && paused && !finished) {
                paused = false;
                pausedNanos += System.nanoTime() - pausedAt;
                ctx.request().resume();
            }
            goOnIfIdle();
        }

        /** Runs what waits for the last batch and the background fdatasync, once both are done. */
        private void goOnIfIdle() {
            if (inFlight == 0 && !syncing.get() && whenWritten != null) {
                Runnable then = whenWritten;
                whenWritten = null;
                then.run();
            }
        }

        private void afterWrites(Runnable then) {
            if (inFlight == 0 && !syncing.get()) {
                then.run();
            } else {
                whenWritten = then;
            }
        }

        private void end() {
            if (finished) {
                return;
            }
            finished = true;
            flush();
            afterWrites(() -> {
                closeChannel();
                if (writeFailure != null) {
                    keepWhatWasWritten();
                    failWith(ctx, writeFailure);
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
                                    (streamedNanos - startedNanos) / 1_000_000, writeNanos / 1_000_000,
                                    hashNanos / 1_000_000, pausedNanos / 1_000_000,
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
            afterWrites(() -> {
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
            if (writeFailure == null) {
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

    /** Runs tasks one after the other, in submission order, on a shared pool. */
    static final class SerialExecutor {
        private final Executor pool;
        private final Queue<Runnable> tasks = new ArrayDeque<>();
        private boolean running;

        SerialExecutor(Executor pool) {
            this.pool = pool;
        }

        synchronized void execute(Runnable task) {
            tasks.add(task);
            if (!running) {
                running = true;
                pool.execute(this::drain);
            }
        }

        private void drain() {
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = tasks.poll();
                    if (next == null) {
                        running = false;
                        return;
                    }
                }
                next.run();
            }
        }
    }

    private static Caller callerOf(SecurityIdentity identity) {
        String subject = identity.getPrincipal().getName();
        Optional<String> tenant = Optional.empty();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            if (token.getSubject() != null) {
                subject = token.getSubject();
            }
            Object claim = token.getClaim(CurrentCaller.TENANT_CLAIM);
            tenant = Optional.ofNullable(claim).map(Object::toString).filter(t -> !t.isBlank());
        }
        return new Caller(subject, identity.getRoles(), tenant);
    }

    private void failWith(RoutingContext ctx, Throwable cause) {
        if (cause instanceof ProblemException problem) {
            fail(ctx, problem.type(), problem.getMessage());
            return;
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(cause, "Unexpected error %s appending to an upload", errorId);
        fail(ctx, ProblemType.INTERNAL, "Unexpected error, reference " + errorId);
    }

    private void fail(RoutingContext ctx, ProblemType type, String detail) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        Problem problem = Problem.of(type, detail, ctx.request().path());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{}";
        }
        var response = ctx.response().setStatusCode(type.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (type == ProblemType.UNAUTHENTICATED) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        if (!ctx.request().isEnded()) {
            // The body was not read: do not let it be taken for the next request on this connection.
            response.putHeader("Connection", "close");
        }
        response.end(body);
    }
}
