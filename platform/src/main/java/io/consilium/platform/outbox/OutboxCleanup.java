package io.consilium.platform.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;

/** Keeps the outbox small: sent rows older than the retention are deleted. Unsent rows are never touched. */
@ApplicationScoped
public class OutboxCleanup {

    private final EntityManager em;
    private final OutboxConfig config;

    OutboxCleanup(EntityManager em, OutboxConfig config) {
        this.em = em;
        this.config = config;
    }

    @Scheduled(every = "${consilium.outbox.cleanup-every:15m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        deleteSentRows();
    }

    /** @return how many sent rows were deleted */
    @Transactional
    public int deleteSentRows() {
        return em.createNativeQuery("delete from outbox_event where sent_at is not null and sent_at < ?1")
                .setParameter(1, OffsetDateTime.now().minus(config.retention()))
                .executeUpdate();
    }
}
