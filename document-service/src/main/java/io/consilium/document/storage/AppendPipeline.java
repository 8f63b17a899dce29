package io.consilium.document.storage;

import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bytes of one append on their way into the upload's part file, off the event loop: each batch (the request's
 * chunks as they came, about 1 MiB) is written at its position in one gathering write by one serial executor while
 * another hashes it (SHA-256 is the slowest step, about 1.4 GB/s here), both in arrival order; a batch is done when
 * both are. Every {@code syncEvery} bytes an {@code fdatasync} starts on a thread of its own, which the writer does
 * not wait for, so the kernel writes back while the rest arrives and the final fsync is short.
 * <p>
 * {@link #submit} and {@link #whenIdle} are called on one thread (the request's event loop), and the listener and
 * the idle action run on it, through {@code events}: the counters are touched there only. A failed write or hash is
 * kept in {@link #failure()}; later batches are then not written, but still end, so the append always finishes.
 */
public final class AppendPipeline {

    /** Told on the events thread when a batch was written and hashed. */
    @FunctionalInterface
    public interface Listener {
        /** @param inFlight the batches still in flight */
        void batchDone(long bytes, int inFlight);
    }

    private final FileChannel channel;
    private final MessageDigest digest;
    private final long syncEvery;
    private final Executor pool;
    private final Executor events;
    private final Listener listener;
    private final SerialExecutor writer;
    private final SerialExecutor hasher;

    /** Where the next batch goes; events thread. */
    private long position;
    private int inFlight;
    private Runnable whenIdle;
    /** Written since the last fdatasync; writer thread only. */
    private long unsynced;
    /** A background fdatasync of the part is running: the channel must stay open until it is done. */
    private final AtomicBoolean syncing = new AtomicBoolean();
    private final AtomicInteger syncs = new AtomicInteger();
    private volatile Throwable failure;
    /** Time spent writing (writer thread) and hashing (hasher thread); read once idle, for the log. */
    private long writeNanos;
    private long hashNanos;

    /**
     * @param position where the first batch is written (the upload's offset)
     * @param digest   the upload's SHA-256 state at {@code position}; updated batch by batch
     * @param pool     runs the writer, the hasher and the fdatasyncs
     * @param events   the thread {@code listener} and idle actions run on
     */
    public AppendPipeline(FileChannel channel, long position, MessageDigest digest, long syncEvery, Executor pool,
                          Executor events, Listener listener) {
        this.channel = channel;
        this.position = position;
        this.digest = digest;
        this.syncEvery = syncEvery;
        this.pool = pool;
        this.events = events;
        this.listener = listener;
        this.writer = new SerialExecutor(pool);
        this.hasher = new SerialExecutor(pool);
    }

    /**
     * Hands a batch over; its buffers must not change until the batch is done.
     *
     * @return the batches in flight, this one included
     */
    public int submit(List<Buffer> chunks, long bytes) {
        inFlight++;
        long at = position;
        position += bytes;
        AtomicInteger steps = new AtomicInteger(2);
        Runnable stepDone = () -> {
            if (steps.decrementAndGet() == 0) {
                events.execute(() -> done(bytes));
            }
        };
        writer.execute(() -> {
            long started = System.nanoTime();
            try {
                if (failure == null) {
                    write(chunks, at, bytes);
                    unsynced += bytes;
                    if (unsynced >= syncEvery && syncing.compareAndSet(false, true)) {
                        unsynced = 0;
                        pool.execute(this::sync);
                    }
                }
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
            writeNanos += System.nanoTime() - started;
            stepDone.run();
        });
        hasher.execute(() -> {
            long started = System.nanoTime();
            try {
                for (Buffer chunk : chunks) {
                    digest.update(chunk.getByteBuf().nioBuffer());
                }
            } catch (RuntimeException e) {
                // A digest that missed bytes must not name the file: the append fails like a failed write (its
                // digest is then forgotten and the next append hashes the part again), and the batch still ends.
                failure = e;
            }
            hashNanos += System.nanoTime() - started;
            stepDone.run();
        });
        return inFlight;
    }

    /** Runs {@code then} (on the events thread) once every batch handed over and a running fdatasync are done. */
    public void whenIdle(Runnable then) {
        if (idle()) {
            then.run();
        } else {
            whenIdle = then;
        }
    }

    /** The first write, hash or fdatasync failure, or null. */
    public Throwable failure() {
        return failure;
    }

    public long writeNanos() {
        return writeNanos;
    }

    public long hashNanos() {
        return hashNanos;
    }

    /** The background fdatasyncs started so far. */
    public int syncs() {
        return syncs.get();
    }

    /** One gathering write at the batch's position; one writer per append, so the channel's position is ours. */
    private void write(List<Buffer> chunks, long at, long bytes) throws IOException {
        ByteBuffer[] buffers = new ByteBuffer[chunks.size()];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = chunks.get(i).getByteBuf().nioBuffer();
        }
        channel.position(at);
        for (long written = 0; written < bytes; ) {
            written += channel.write(buffers);
        }
    }

    private void sync() {
        syncs.incrementAndGet();
        try {
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            failure = e;
        }
        syncing.set(false);
        events.execute(this::goOnIfIdle);
    }

    private void done(long bytes) {
        inFlight--;
        listener.batchDone(bytes, inFlight);
        goOnIfIdle();
    }

    private boolean idle() {
        return inFlight == 0 && !syncing.get();
    }

    private void goOnIfIdle() {
        if (idle() && whenIdle != null) {
            Runnable then = whenIdle;
            whenIdle = null;
            then.run();
        }
    }
}
