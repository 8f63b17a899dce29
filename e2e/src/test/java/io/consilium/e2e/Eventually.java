package io.consilium.e2e;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waiting for what the suite does after an answer (an event consumed by another service, a mail sent, a webhook
 * delivered): the condition is asked again every 250 ms until it holds or the time is up, and then the failure
 * names what was awaited and what was last seen.
 */
public final class Eventually {

    public static final Duration DEFAULT = Duration.ofSeconds(30);

    private Eventually() {
    }

    /** The first non-null value of {@code probe} within {@code within}. */
    public static <T> T value(String awaited, Duration within, Supplier<T> probe) {
        long until = System.nanoTime() + within.toNanos();
        AssertionError last = null;
        while (true) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (AssertionError e) {
                last = e;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("waited " + within.toSeconds() + " s for " + awaited
                        + (last == null ? "" : "; last: " + last.getMessage()), last);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public static <T> T value(String awaited, Supplier<T> probe) {
        return value(awaited, DEFAULT, probe);
    }

    /** Waits until {@code check} passes (does not throw an AssertionError). */
    public static void holds(String awaited, Runnable check) {
        value(awaited, DEFAULT, () -> {
            check.run();
            return Boolean.TRUE;
        });
    }
}
