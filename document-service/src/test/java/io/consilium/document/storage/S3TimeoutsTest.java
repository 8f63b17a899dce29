package io.consilium.document.storage;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A store that accepts connections and never answers costs a bounded time, with the attempts configured. */
class S3TimeoutsTest {

    @Test
    void aSilentStoreFailsTheCallWithinItsTimeoutsAfterItsAttempts() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // read nothing, answer nothing
                        connections.incrementAndGet();
                    }
                } catch (Exception e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            S3DocumentStore.Timeouts timeouts = new S3DocumentStore.Timeouts(Duration.ofSeconds(1),
                    Duration.ofMillis(700), Duration.ofSeconds(5), 2);
            Path uploads = Files.createTempDirectory("s3-timeouts");
            try (S3Client s3 = S3DocumentStore.builder(URI.create("http://127.0.0.1:" + silent.getLocalPort()),
                    "eu-central-1", true, StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")),
                    timeouts).build()) {
                S3DocumentStore store = new S3DocumentStore(s3, "bucket", 5 * 1024 * 1024, uploads);
                long started = System.nanoTime();
                assertThatThrownBy(() -> store.exists("0".repeat(64))).isInstanceOf(SdkClientException.class);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(took).as("bounded by the call timeout").isLessThan(Duration.ofSeconds(6));
                assertThat(connections.get()).as("one connection per attempt").isEqualTo(2);
                assertThatThrownBy(store::checkReady).as("and the readiness check says so")
                        .isInstanceOf(java.io.IOException.class);
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }
}
