package io.consilium.notification.service;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Records webhook answers as they come back, up to a batch per transaction, on a thread of its own. The sender has
 * two, each for its own share of the endpoints: a recorder locks the endpoints of its batch, so two recorders with an
 * endpoint in common would wait on each other, while two with none in common record side by side (one was the
 * sender's bottleneck whenever the database slowed down for a moment).
 */
final class AnswerRecorder {

    private static final Logger LOG = Logger.getLogger(AnswerRecorder.class);
    private static final int BATCH = 200;
    // the claim's lease leaves a minute after the connect and read timeouts, some of it spent queued in a lane
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final DeliveryOutcomes outcomes;
    private final Consumer<List<DeliveryOutcomes.Attempted>> recorded;
    private final ExecutorService thread;
    private final Queue<DeliveryOutcomes.Attempted> answered = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final UntilRecorded untilRecorded = new UntilRecorded(PATIENCE);

    /** @param recorded told of every batch once it is recorded (or given up on) */
    AnswerRecorder(String name, DeliveryOutcomes outcomes, Consumer<List<DeliveryOutcomes.Attempted>> recorded) {
        this.outcomes = outcomes;
        this.recorded = recorded;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    void add(DeliveryOutcomes.Attempted attempt) {
        answered.add(attempt);
        soon();
    }

    /** Runs a task on the recorder's thread, after what it is recording. */
    void execute(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException stopping) {
            // the application is stopping: a delivery not given back is taken again once its lease is over
        }
    }

    void stop() {
        thread.shutdownNow();
    }

    private void soon() {
        if (queued.compareAndSet(false, true)) {
            try {
                thread.execute(this::recordAll);
            } catch (RejectedExecutionException e) {
                queued.set(false);
            }
        }
    }

    private void recordAll() {
        try {
            List<DeliveryOutcomes.Attempted> batch;
            while (!(batch = nextBatch()).isEmpty()) {
                record(batch);
            }
        } finally {
            queued.set(false);
        }
        if (!answered.isEmpty()) {
            soon();
        }
    }

    private List<DeliveryOutcomes.Attempted> nextBatch() {
        List<DeliveryOutcomes.Attempted> batch = new ArrayList<>(BATCH);
        DeliveryOutcomes.Attempted next;
        while (batch.size() < BATCH && (next = answered.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private void record(List<DeliveryOutcomes.Attempted> batch) {
        try {
            // the answers are in: a database restarting now must not make them be sent again (see UntilRecorded)
            untilRecorded.run(() -> outcomes.recordAll(batch));
        } catch (RuntimeException e) {
            // one bad row must not cost the others their record: each on its own, then only that one is lost
            LOG.warnf("Recording %d webhook attempts failed (%s); recording them one by one", batch.size(), e.getMessage());
            for (DeliveryOutcomes.Attempted a : batch) {
                try {
                    outcomes.recordAll(List.of(a));
                } catch (RuntimeException single) {
                    // the lease lets the delivery be claimed again later, with the same webhook-id
                    LOG.warnf("Recording the attempt at delivery %s failed: %s", a.claim().deliveryId(),
                            single.getMessage());
                }
            }
        } finally {
            recorded.accept(batch);
        }
    }
}
