package io.consilium.document.storage;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The append pipeline against a real part file, without HTTP: an event thread hands it batches of chunks. */
class AppendPipelineTest {

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newCachedThreadPool();
    /** Stands in for the request's event loop: one thread, everything the pipeline calls back runs on it. */
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> new Thread(r, "events"));
    private final List<String> calls = new ArrayList<>();
    private final List<Integer> inFlightAfterEach = new ArrayList<>();
    private long doneBytes;

    @AfterEach
    void stop() {
        pool.shutdownNow();
        events.shutdownNow();
    }

    private AppendPipeline pipeline(FileChannel channel, long position, MessageDigest digest, long syncEvery) {
        return new AppendPipeline(channel, position, digest, syncEvery, pool, events, (bytes, inFlight) -> {
            calls.add(Thread.currentThread().getName());
            inFlightAfterEach.add(inFlight);
            doneBytes += bytes;
        });
    }

    /** Submits the bytes in batches of {@code batch} bytes made of chunks of {@code chunk}, then waits for idle. */
    private void append(AppendPipeline pipeline, byte[] bytes, int batch, int chunk) throws Exception {
        CountDownLatch idle = new CountDownLatch(1);
        List<Integer> inFlightOnSubmit = new ArrayList<>();
        events.submit(() -> {
            for (int at = 0; at < bytes.length; at += batch) {
                List<Buffer> chunks = new ArrayList<>();
                int end = Math.min(bytes.length, at + batch);
                for (int c = at; c < end; c += chunk) {
                    chunks.add(Buffer.buffer(Arrays.copyOfRange(bytes, c, Math.min(end, c + chunk))));
                }
                inFlightOnSubmit.add(pipeline.submit(chunks, end - at));
            }
            pipeline.whenIdle(() -> {
                calls.add("idle on " + Thread.currentThread().getName());
                idle.countDown();
            });
        }).get(5, TimeUnit.SECONDS);
        assertThat(idle.await(20, TimeUnit.SECONDS)).as("the pipeline became idle").isTrue();
        assertThat(inFlightOnSubmit.get(0)).isEqualTo(1);
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    @Test
    void batchesAreWrittenInOrderAndHashedWithEveryByte() throws Exception {
        byte[] bytes = random(5 * 1024 * 1024 + 12345);
        Path part = Files.createFile(dir.resolve("u.part"));
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        AppendPipeline pipeline;
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
            pipeline = pipeline(channel, 0, digest, 1024 * 1024);
            append(pipeline, bytes, 1024 * 1024, 65536);
        }
        assertThat(pipeline.failure()).isNull();
        assertThat(Files.readAllBytes(part)).isEqualTo(bytes);
        assertThat(digest.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(doneBytes).isEqualTo(bytes.length);
        assertThat(inFlightAfterEach).hasSize(6).endsWith(0);
        assertThat(calls).allMatch(call -> call.endsWith("events")).last().isEqualTo("idle on events");
        assertThat(pipeline.syncs()).as("an fdatasync every MiB written").isGreaterThanOrEqualTo(1);
    }

    @Test
    void aResumedAppendWritesAtItsOffsetAndContinuesTheDigest() throws Exception {
        byte[] bytes = random(300_000);
        Path part = dir.resolve("u.part");
        Files.write(part, Arrays.copyOf(bytes, 100_000));
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(bytes, 0, 100_000);
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
            AppendPipeline pipeline = pipeline(channel, 100_000, digest, Long.MAX_VALUE);
            append(pipeline, Arrays.copyOfRange(bytes, 100_000, bytes.length), 64 * 1024, 10_000);
            assertThat(pipeline.syncs()).isZero();
        }
        assertThat(Files.readAllBytes(part)).isEqualTo(bytes);
        assertThat(digest.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aFailedWriteIsKeptAndEveryBatchStillEnds() throws Exception {
        Path part = Files.createFile(dir.resolve("u.part"));
        try (FileChannel readOnly = FileChannel.open(part, StandardOpenOption.READ)) {
            AppendPipeline pipeline = pipeline(readOnly, 0, MessageDigest.getInstance("SHA-256"), Long.MAX_VALUE);
            append(pipeline, random(3 * 65536), 65536, 65536);
            assertThat(pipeline.failure()).isInstanceOf(NonWritableChannelException.class);
        }
        assertThat(inFlightAfterEach).containsExactly(2, 1, 0);
        assertThat(Files.size(part)).isZero();
    }

    @Test
    void idleAtOnceWhenNothingIsInFlight() throws Exception {
        Path part = Files.createFile(dir.resolve("u.part"));
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
            AppendPipeline pipeline = pipeline(channel, 0, MessageDigest.getInstance("SHA-256"), Long.MAX_VALUE);
            boolean[] ran = new boolean[1];
            events.submit(() -> pipeline.whenIdle(() -> ran[0] = true)).get(5, TimeUnit.SECONDS);
            assertThat(ran[0]).isTrue();
        }
    }
}
