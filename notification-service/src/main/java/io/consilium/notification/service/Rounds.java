package io.consilium.notification.service;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A sender's claim rounds on one daemon thread of their own. Wakes coalesce: any number of them while a round is
 * queued make one round. A round that found a full batch means more are due, so the next starts at once instead of
 * at the next poll, and a backlog (a burst of events, a server back after an outage) drains at sending speed.
 */
final class Rounds {

    private final ExecutorService worker;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final BooleanSupplier round;
    private final long gapNanos;
    private long lastStart;

    /** @param round one claim round, answering whether it was full (so more may be due) */
    Rounds(String threadName, BooleanSupplier round) {
        this(threadName, Duration.ZERO, round);
    }

    /**
     * @param gap the least time between the starts of two rounds: wakes in between wait and make one round (a full
     *            round's successor starts at once)
     */
    Rounds(String threadName, Duration gap, BooleanSupplier round) {
        this.gapNanos = gap.toNanos();
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        this.round = round;
    }

    void wake() {
        schedule(true);
    }

    private void schedule(boolean keepGap) {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    if (keepGap) {
                        pause();
                    }
                    queued.set(false);
                    lastStart = System.nanoTime();
                    if (round.getAsBoolean()) {
                        schedule(false);
                    }
                });
            } catch (RejectedExecutionException e) {
                queued.set(false);
            }
        }
    }

    /** On the worker thread: waits out the gap since the last round began. */
    private void pause() {
        long wait = lastStart + gapNanos - System.nanoTime();
        if (gapNanos > 0 && lastStart != 0 && wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    void stop() {
        worker.shutdownNow();
    }
}
