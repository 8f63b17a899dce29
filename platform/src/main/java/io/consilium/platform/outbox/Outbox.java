package io.consilium.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes events into the service's {@code outbox_event} table inside the caller's transaction.
 * <p>
 * Requires an active transaction: the event commits or rolls back together with the state change that caused it.
 * The row is published later by {@link OutboxRelay}; a {@code NOTIFY} (delivered by PostgreSQL only on commit)
 * wakes the relay so the event normally leaves within milliseconds.
 */
@ApplicationScoped
public class Outbox {

    static final String CHANNEL = "consilium_outbox";

    private final EntityManager em;
    private final ObjectMapper json;
    private final OutboxConfig config;

    Outbox(EntityManager em, ObjectMapper json, OutboxConfig config) {
        this.em = em;
        this.json = json;
        this.config = config;
    }

    /**
     * Appends an event. The Kafka key is the subject (the case id), so all events of one case keep their order.
     *
     * @return the CloudEvents id of the new event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(OutgoingEvent event) {
        UUID eventId = UUID.randomUUID();
        String payload;
        try {
            payload = json.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload of type " + event.type() + " is not serialisable", e);
        }
        // The native insert makes Hibernate flush pending entity changes first, so the aggregate's row
        // (and its lock) is written before the outbox row: two transactions on one case cannot commit
        // their events out of order.
        em.createNativeQuery("""
                insert into outbox_event (event_id, topic, kafka_key, type, source, subject, tenant, occurred_at, payload)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as jsonb))""")
                .setParameter(1, eventId)
                .setParameter(2, event.topic())
                .setParameter(3, event.subject())
                .setParameter(4, event.type())
                .setParameter(5, config.source())
                .setParameter(6, event.subject())
                .setParameter(7, event.tenant())
                .setParameter(8, OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter(9, payload)
                .executeUpdate();
        em.createNativeQuery("select pg_notify(?1, '')").setParameter(1, CHANNEL).getSingleResult();
        return eventId;
    }
}
