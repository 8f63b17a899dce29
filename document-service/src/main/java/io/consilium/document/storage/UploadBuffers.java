package io.consilium.document.storage;

import io.consilium.document.config.UploadConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap that request bytes waiting to be written and hashed may take, over all appends at once, and when an
 * append must pause its request because of it.
 * <p>
 * Each append may have {@link #MAX_IN_FLIGHT} batches in flight (speed: the socket keeps flowing while the hasher
 * catches up), but while all appends together hold more than the budget
 * ({@code consilium.document.upload.buffer-budget}), an append waits for its own batches before it reads on.
 * So one append runs at full speed, and a hundred at once stay within the budget plus one batch each, instead of
 * a hundred times eight, on a service whose heap may be 256 MB.
 */
@ApplicationScoped
public class UploadBuffers {

    /** Batches one append may have in flight while the budget lasts: 8 MiB with 1 MiB batches. */
    static final int MAX_IN_FLIGHT = 8;

    private final AtomicLong free;

    @Inject
    UploadBuffers(UploadConfig config) {
        this(config.bufferBudget().asLongValue());
    }

    UploadBuffers(long budget) {
        this.free = new AtomicLong(budget);
    }

    /**
     * Takes a batch's bytes from the budget.
     *
     * @param inFlight the append's batches in flight, this one included
     * @return true when the append must pause its request until {@link #give} says otherwise
     */
    public boolean take(long bytes, int inFlight) {
        return free.addAndGet(-bytes) < 0 || inFlight >= MAX_IN_FLIGHT;
    }

    /**
     * Gives a written and hashed batch's bytes back.
     *
     * @param inFlight the append's batches still in flight
     * @return true when a paused append may read on: all its batches are done, or half of them and the budget
     *         is not overdrawn
     */
    public boolean give(long bytes, int inFlight) {
        long now = free.addAndGet(bytes);
        return inFlight == 0 || (inFlight <= MAX_IN_FLIGHT / 2 && now >= 0);
    }

    /** Bytes left in the budget (negative while overdrawn). */
    long free() {
        return free.get();
    }
}
