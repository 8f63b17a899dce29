package io.consilium.notification.service;

import io.consilium.platform.consumer.TransientFailures;

import java.time.Duration;

/**
 * Writes an attempt's outcome (an e-mail the SMTP server took, a webhook's answer) again and again while the
 * database is away, for a while. The message has left already: an outcome not written leaves the delivery leased,
 * and once the lease ends it is sent a second time. The fault run found exactly that: a PostgreSQL restart of five
 * seconds cost one e-mail and one webhook sent twice. A failure of the row itself (not of the database) is not
 * retried: it would only fail again.
 */
final class UntilRecorded {

    /** Waits between tries: how a test makes them instant. */
    interface Pause {
        void pause(Duration d) throws InterruptedException;
    }

    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

    private final Duration patience;
    private final Pause pause;

    /** @param patience how long the database may stay away before the outcome is given up (within the lease) */
    UntilRecorded(Duration patience) {
        this(patience, d -> Thread.sleep(d.toMillis()));
    }

    UntilRecorded(Duration patience, Pause pause) {
        this.patience = patience;
        this.pause = pause;
    }

    /**
     * Runs {@code write} until it succeeds; rethrows its failure at once when the database is not the cause, and the
     * last one when the database stayed away longer than the patience.
     */
    void run(Runnable write) {
        long giveUpAt = System.nanoTime() + patience.toNanos();
        Duration wait = FIRST_PAUSE;
        while (true) {
            try {
                write.run();
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e) || System.nanoTime() + wait.toNanos() > giveUpAt) {
                    throw e;
                }
            }
            try {
                pause.pause(wait);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped while waiting for the database to record an outcome");
            }
            wait = wait.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : wait.multipliedBy(2);
        }
    }
}
