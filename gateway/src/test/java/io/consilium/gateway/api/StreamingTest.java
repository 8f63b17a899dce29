package io.consilium.gateway.api;

import io.consilium.gateway.support.Stubs;
import io.consilium.gateway.support.UpstreamStubs;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies stream through the gateway both ways: the service has bytes of an upload while the client is still
 * sending, and the client has bytes of a download while the service still holds back the rest. A gateway that
 * read whole bodies would make both wait for the end, and these tests would time out.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class StreamingTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/")
    URI gateway;

    /** A body of the stub's pattern that, half way, waits until the service reports bytes received. */
    private static final class ProbingBody extends InputStream {
        private final long size;
        private final String counter;
        private final MessageDigest digest;
        private long position;
        volatile boolean serviceHadBytesAtHalfWay;

        ProbingBody(long size, String counter) throws Exception {
            this.size = size;
            this.counter = counter;
            this.digest = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            if (position >= size / 2 && !serviceHadBytesAtHalfWay) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (System.nanoTime() < deadline && Stubs.received("document-service", counter) == 0) {
                    sleep();
                }
                serviceHadBytesAtHalfWay = Stubs.received("document-service", counter) > 0;
                if (!serviceHadBytesAtHalfWay) {
                    throw new IllegalStateException("the service had no byte while half the body was sent");
                }
            }
            int n = (int) Math.min(length, Math.min(64 * 1024, size - position));
            byte[] chunk = UpstreamStubs.pattern(position, n).getBytes();
            System.arraycopy(chunk, 0, buffer, offset, n);
            digest.update(chunk);
            position += n;
            return n;
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }

        private static void sleep() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aLargeUploadStreamsToTheServiceWhileTheClientSends() throws Exception {
        long size = 160L * 1024 * 1024;
        String counter = "upload-" + UUID.randomUUID();
        ProbingBody body = new ProbingBody(size, counter);
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/uploads/" + UUID.randomUUID()))
                .header("Authorization", "Bearer " + Tokens.patient("alice", "acme"))
                .header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0").header("X-Stub-Counter", counter)
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), size))
                .timeout(Duration.ofSeconds(120)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(body.serviceHadBytesAtHalfWay).isTrue();
        assertThat(response.headers().firstValue("Upload-Offset")).contains(Long.toString(size));
        assertThat(response.headers().firstValue("X-Stub-Sha256")).contains(body.sha256());
    }

    @Test
    void aChunkedUploadStreamsToo() throws Exception {
        long size = 24L * 1024 * 1024;
        String counter = "chunked-" + UUID.randomUUID();
        ProbingBody body = new ProbingBody(size, counter);
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/uploads/" + UUID.randomUUID()))
                .header("Authorization", "Bearer " + Tokens.patient("alice", "acme"))
                .header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0").header("X-Stub-Counter", counter)
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(body.serviceHadBytesAtHalfWay).isTrue();
        assertThat(response.headers().firstValue("X-Stub-Sha256")).contains(body.sha256());
    }

    @Test
    void aDownloadReachesTheClientBeforeTheServiceSentItAll() throws Exception {
        long size = 32L * 1024 * 1024;
        String counter = "download-" + UUID.randomUUID();
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/documents/" + UUID.randomUUID() + "/content"))
                .header("Authorization", "Bearer " + Tokens.patient("alice", "acme"))
                .header("X-Stub-Download-Bytes", Long.toString(size)).header("X-Stub-Counter", counter)
                .timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).contains(Long.toString(size));
        assertThat(response.headers().firstValue("ETag")).contains("\"doc-1\"");
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            // the first MiB arrives while the service holds back its second half
            long first = CompletableFuture.supplyAsync(() -> readAtLeast(in, buffer, 1024 * 1024, digest))
                    .get(30, TimeUnit.SECONDS);
            assertThat(Stubs.release("document-service", counter)).as("the service was still holding back").isEqualTo(1);
            long total = first + readAtLeast(in, buffer, Long.MAX_VALUE, digest);
            assertThat(total).isEqualTo(size);
        }
        for (long offset = 0; offset < size; offset += 64 * 1024) {
            expected.update(UpstreamStubs.pattern(offset, (int) Math.min(64 * 1024, size - offset)).getBytes());
        }
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(HexFormat.of().formatHex(expected.digest()));
    }

    private static long readAtLeast(InputStream in, byte[] buffer, long atLeast, MessageDigest digest) {
        long read = 0;
        try {
            while (read < atLeast) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                digest.update(buffer, 0, n);
                read += n;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return read;
    }
}
