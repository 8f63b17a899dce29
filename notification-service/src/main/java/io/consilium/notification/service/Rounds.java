package io.consilium.notification.service;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * A sender's claim rounds on one daemon thread of their own. Wakes coalesce: any number of them while a round is
 * queued make one round. A round that found a full batch means more are due, so the next starts at once instead of
 * at the next poll, and a backlog (a burst of events, a server back after an outage) drains at sending speed.
 */
final class Rounds {

    private final ExecutorService worker;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final IntSupplier round;
    private final int batch;

    /** @param round one claim round, answering how many it claimed */
    Rounds(String threadName, int batch, IntSupplier round) {
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        this.round = round;
        this.batch = batch;
    }

    void wake() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    queued.set(false);
                    if (round.getAsInt() >= batch) {
                        wake();
                    }
                });
            } catch (RejectedExecutionException e) {
                queued.set(false);
            }
        }
    }

    void stop() {
        worker.shutdownNow();
    }
}
