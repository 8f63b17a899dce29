package io.consilium.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * The consumer side of exactly-once effects: Kafka delivers at least once, the inbox remembers which event ids
 * a consumer has applied. {@code consumer.IncomingRecords} calls {@link #firstDelivery} for every consumer, in the
 * transaction of the effect; if that transaction rolls back, the id is forgotten with it and the redelivery is
 * applied.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    Inbox(EntityManager em) {
        this.em = em;
    }

    /**
     * Records that {@code consumer} is applying event {@code eventId}.
     *
     * @return true the first time; false if this consumer has applied this event before (skip it)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId, String eventType) {
        int inserted = em.createNativeQuery("""
                        insert into inbox_event (consumer, event_id, event_type) values (?1, ?2, ?3)
                        on conflict (consumer, event_id) do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, eventType)
                .executeUpdate();
        return inserted == 1;
    }
}
