package io.consilium.document.service;

import io.consilium.document.config.UploadConfig;
import io.consilium.document.domain.Upload;
import io.consilium.document.storage.DocumentStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Abandoned uploads: an upload in progress that nobody appended to for {@code consilium.document.upload.expire-after}
 * is marked EXPIRED and its part deleted, so parts do not pile up. An append running right now is left alone.
 */
@ApplicationScoped
public class UploadExpiry {

    private static final Logger LOG = Logger.getLogger(UploadExpiry.class);

    private final UploadSessions sessions;
    private final DocumentStore store;
    private final Clock clock;
    private final Duration expireAfter;

    UploadExpiry(UploadSessions sessions, DocumentStore store, Clock clock, UploadConfig config) {
        this.sessions = sessions;
        this.store = store;
        this.clock = clock;
        this.expireAfter = config.expireAfter();
    }

    // the scheduler reads the key itself; UploadConfig documents it and holds its default
    @Scheduled(every = "${consilium.document.upload.expiry-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        expireIdleSince(clock.instant().minus(expireAfter));
    }

    /** @return how many uploads expired */
    public int expireIdleSince(Instant cutoff) {
        List<UUID> idle = QuarkusTransaction.requiringNew().call(() ->
                Upload.<Upload>list("state = ?1 and updatedAt < ?2", Upload.State.IN_PROGRESS, cutoff)
                        .stream().map(u -> u.id).toList());
        int expired = 0;
        for (UUID id : idle) {
            if (!sessions.begin(id)) {
                continue;
            }
            try {
                boolean changed = QuarkusTransaction.requiringNew().call(() -> {
                    Upload upload = Upload.findById(id);
                    // re-read under the append lock: an append may have finished since the list was taken
                    if (upload == null || !upload.idleSince(cutoff)) {
                        return false;
                    }
                    upload.expire(clock.instant());
                    return true;
                });
                if (changed) {
                    Files.deleteIfExists(store.uploadsDirectory().resolve(id + ".part"));
                    sessions.forget(id);
                    expired++;
                }
            } catch (IOException e) {
                LOG.warnf("Could not delete the part of expired upload %s: %s", id, e.getMessage());
            } finally {
                sessions.end(id);
            }
        }
        return expired;
    }
}
