package io.consilium.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
    private static final int COLUMNS = 9;
    /** Rows per insert statement: 9 parameters each, far below PostgreSQL's 65,535 per statement. */
    private static final int MAX_PER_STATEMENT = 500;

    private final EntityManager em;
    private final ObjectMapper json;
    private final OutboxConfig config;
    private final TransactionSynchronizationRegistry transactions;

    Outbox(EntityManager em, ObjectMapper json, OutboxConfig config, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.json = json;
        this.config = config;
        this.transactions = transactions;
    }

    /**
     * Appends an event. The Kafka key is the subject (the case id), so all events of one case keep their order.
     *
     * @return the CloudEvents id of the new event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(OutgoingEvent event) {
        return appendAll(List.of(event)).get(0);
    }

    /**
     * Appends events in one statement, in their order: for a transaction that writes many (a batch of webhook
     * outcomes), one flush and one insert instead of one of each per event.
     *
     * @return the CloudEvents ids of the new events, in the same order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> appendAll(List<OutgoingEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        if (events.size() > MAX_PER_STATEMENT) {
            List<UUID> ids = new ArrayList<>(events.size());
            for (int from = 0; from < events.size(); from += MAX_PER_STATEMENT) {
                ids.addAll(appendAll(events.subList(from, Math.min(events.size(), from + MAX_PER_STATEMENT))));
            }
            return ids;
        }
        StringBuilder sql = new StringBuilder(
                "insert into outbox_event (event_id, topic, kafka_key, type, source, subject, tenant, occurred_at, payload) values ");
        for (int i = 0; i < events.size(); i++) {
            int p = i * COLUMNS;
            sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2).append(", ?").append(p + 3)
                    .append(", ?").append(p + 4).append(", ?").append(p + 5).append(", ?").append(p + 6).append(", ?")
                    .append(p + 7).append(", ?").append(p + 8).append(", cast(?").append(p + 9).append(" as jsonb))");
        }
        // The native insert makes Hibernate flush pending entity changes first, so the aggregate's row
        // (and its lock) is written before the outbox row: two transactions on one case cannot commit
        // their events out of order.
        Query insert = em.createNativeQuery(sql.toString());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<UUID> ids = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            OutgoingEvent event = events.get(i);
            UUID eventId = UUID.randomUUID();
            ids.add(eventId);
            int p = i * COLUMNS;
            insert.setParameter(p + 1, eventId)
                    .setParameter(p + 2, event.topic())
                    .setParameter(p + 3, event.subject())
                    .setParameter(p + 4, event.type())
                    .setParameter(p + 5, config.source())
                    .setParameter(p + 6, event.subject())
                    .setParameter(p + 7, event.tenant())
                    .setParameter(p + 8, now)
                    .setParameter(p + 9, payload(event));
        }
        insert.executeUpdate();
        // One wake-up per transaction is enough (PostgreSQL delivers it on commit, and the relay reads every row then);
        // a transaction writing a hundred events saves 99 round trips.
        if (transactions.getResource(CHANNEL) == null) {
            // plain JDBC on the transaction's connection: as a native query, Hibernate tried to map pg_notify's void
            // result on every call and threw and caught an exception doing so (issue 14's profile)
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, '')")) {
                    notify.setString(1, CHANNEL);
                    notify.execute();
                }
            });
            transactions.putResource(CHANNEL, Boolean.TRUE);
        }
        return ids;
    }

    private String payload(OutgoingEvent event) {
        try {
            return json.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload of type " + event.type() + " is not serialisable", e);
        }
    }
}
