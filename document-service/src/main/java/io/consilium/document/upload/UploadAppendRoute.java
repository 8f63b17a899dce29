package io.consilium.document.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.platform.problem.Problem;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.ProblemType;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.CurrentCaller;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The tus {@code PATCH}: appends the request body to an upload's part file as it arrives, with constant memory.
 * <p>
 * A plain Vert.x route, not a JAX-RS resource, so no layer buffers the body: the request is paused while the
 * caller and the upload are checked on a worker thread, then its chunks are hashed (SHA-256) and written to the
 * part through Vert.x's {@link AsyncFile} (file I/O off the event loop), and the request is paused whenever the
 * file's write queue is full (backpressure). It is ordered before Quarkus' own body-size check (which would
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

    private final Vertx vertx;
    private final IdentityProviderManager identities;
    private final Uploads uploads;
    private final UploadCompletion completion;
    private final UploadSessions sessions;
    private final ObjectMapper json;

    UploadAppendRoute(Vertx vertx, IdentityProviderManager identities, Uploads uploads, UploadCompletion completion,
                      UploadSessions sessions, ObjectMapper json) {
        this.vertx = vertx;
        this.identities = identities;
        this.uploads = uploads;
        this.completion = completion;
        this.sessions = sessions;
        this.json = json;
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
            return new Admitted(plan, sessions.digestAt(uploadId, plan.part(), plan.offset()));
        }, false).onComplete(admitted -> {
            if (admitted.failed()) {
                sessions.end(uploadId);
                failWith(ctx, admitted.cause());
                return;
            }
            vertx.fileSystem().open(admitted.result().plan().part().toString(), new OpenOptions().setWrite(true)
                    .setCreate(false).setTruncateExisting(false), opened -> {
                if (opened.failed()) {
                    sessions.end(uploadId);
                    failWith(ctx, opened.cause());
                    return;
                }
                new Append(ctx, caller, admitted.result(), opened.result(), contentLength).start();
            });
        });
    }

    private record Admitted(Uploads.AppendPlan plan, MessageDigest digest) {
    }

    /** One PATCH's body, streamed to the part file. */
    private final class Append {
        private final RoutingContext ctx;
        private final Caller caller;
        private final Uploads.AppendPlan plan;
        private final MessageDigest digest;
        private final AsyncFile file;
        private final Long contentLength;
        private final AtomicBoolean finished = new AtomicBoolean();
        private long received;
        private boolean tooLarge;

        Append(RoutingContext ctx, Caller caller, Admitted admitted, AsyncFile file, Long contentLength) {
            this.ctx = ctx;
            this.caller = caller;
            this.plan = admitted.plan();
            this.digest = admitted.digest();
            this.file = file;
            this.contentLength = contentLength;
        }

        void start() {
            HttpServerRequest request = ctx.request();
            file.setWritePos(plan.offset());
            file.exceptionHandler(e -> abort("writing the part failed: " + e.getMessage()));
            request.handler(this::chunk);
            request.endHandler(v -> end());
            request.exceptionHandler(e -> abort("connection lost: " + e.getMessage()));
            ctx.response().closeHandler(v -> abort("connection closed"));
            if ("100-continue".equalsIgnoreCase(request.getHeader("Expect")) && request.version() != HttpVersion.HTTP_1_0) {
                ctx.response().writeContinue();
            }
            request.resume();
        }

        private void chunk(Buffer buffer) {
            if (tooLarge || finished.get()) {
                return;
            }
            if (plan.offset() + received + buffer.length() > plan.length()) {
                // Only a chunked body can get here (Content-Length was checked): refuse and drop the connection.
                tooLarge = true;
                ctx.request().pause();
                closeFileThen(() -> {
                    truncateBack();
                    sessions.end(plan.uploadId());
                    fail(ctx, ProblemType.PAYLOAD_TOO_LARGE,
                            "The request exceeds the declared Upload-Length of " + plan.length() + " bytes");
                });
                finished.set(true);
                return;
            }
            received += buffer.length();
            digest.update(buffer.getByteBuf().nioBuffer());
            file.write(buffer);
            if (file.writeQueueFull()) {
                ctx.request().pause();
                file.drainHandler(v -> ctx.request().resume());
            }
        }

        private void end() {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            long newOffset = plan.offset() + received;
            closeFileThen(() -> {
                sessions.checkpoint(plan.uploadId(), newOffset, digest);
                if (newOffset < plan.length()) {
                    sessions.end(plan.uploadId());
                    ctx.response().setStatusCode(204).putHeader("Upload-Offset", Long.toString(newOffset)).end();
                    return;
                }
                String sha256 = HexFormat.of().formatHex(digest.digest());
                vertx.<UUID>executeBlocking(() -> completion.complete(caller, plan.uploadId(), plan.part(), sha256), false)
                        .onComplete(done -> {
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

        /** The connection broke (or the file failed): keep what arrived, so the client can resume. */
        private void abort(String why) {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            long newOffset = plan.offset() + received;
            LOG.debugf("Append to upload %s stopped at %d: %s", plan.uploadId(), newOffset, why);
            closeFileThen(() -> {
                sessions.checkpoint(plan.uploadId(), newOffset, digest);
                sessions.end(plan.uploadId());
                if (!ctx.response().ended() && !ctx.response().closed()) {
                    fail(ctx, ProblemType.INTERNAL, "The append stopped at offset " + newOffset);
                }
            });
        }

        private void truncateBack() {
            vertx.executeBlocking(() -> {
                try (var channel = java.nio.channels.FileChannel.open(plan.part(),
                        java.nio.file.StandardOpenOption.WRITE)) {
                    channel.truncate(plan.offset());
                }
                sessions.forget(plan.uploadId());
                return null;
            }, false);
        }

        private void closeFileThen(Runnable then) {
            file.close(closed -> then.run());
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
