package io.consilium.platform.consumer;

import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.outbox.Outbox;
import io.consilium.platform.outbox.OutboxConfig;
import io.consilium.platform.outbox.OutgoingEvent;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code dead_letter} table: filing, listing and resolving the events consumers could not apply. */
@ApplicationScoped
public class DeadLetters {

    static final int MAX_ERROR = 2000;
    private static final String COLUMNS = """
            id, consumer, event_id, event_type, event_source, case_id, tenant, occurred_at, topic, kafka_partition,
            kafka_offset, contract_broken, error, attempts, status, first_failed_at, last_failed_at, resolved_at,
            resolved_by, resolution""";

    /** What ops may filter a list by; null parts match everything. */
    public record Filter(DeadLetter.Status status, String consumer, UUID caseId, String tenant) {
    }

    /** What a replay needs to call the consumer again. */
    record Stored(DeadLetter letter, IncomingEvent event, String payload) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Outbox outbox;
    private final String source;

    DeadLetters(EntityManager em, Clock clock, MeterRegistry registry, Outbox outbox, OutboxConfig outboxConfig) {
        this.em = em;
        this.clock = clock;
        this.registry = registry;
        this.outbox = outbox;
        this.source = outboxConfig.source();
    }

    /**
     * Files an event its consumer gave up on, in a transaction of its own (the consumer's has rolled back). The
     * same event failing again for the same consumer (a redelivery, or after a discard) reopens the one entry.
     * Each filing is announced in the same transaction ({@link DeadLetterFiled}, through the outbox), except the
     * filing of such an announcement itself: a consumer failing on notices must not feed itself new ones.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void file(String consumer, IncomingEvent event, String payload, RecordOrigin origin, RuntimeException cause,
                     int attempts, boolean contractBroken) {
        Instant filedAt = clock.instant();
        Timestamp now = Timestamp.from(filedAt);
        UUID id = (UUID) em.createNativeQuery("""
                        insert into dead_letter (id, consumer, event_id, event_type, event_source, case_id, tenant,
                            occurred_at, topic, kafka_partition, kafka_offset, payload, contract_broken, error, attempts,
                            status, first_failed_at, last_failed_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 'OPEN', ?16, ?16)
                        on conflict (consumer, event_id) do update set
                            error = excluded.error, attempts = dead_letter.attempts + excluded.attempts,
                            contract_broken = excluded.contract_broken, last_failed_at = excluded.last_failed_at,
                            status = 'OPEN', resolved_at = null, resolved_by = null, resolution = null
                        returning id""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, consumer)
                .setParameter(3, event.id())
                .setParameter(4, event.type())
                .setParameter(5, event.source())
                .setParameter(6, UUID.fromString(event.subject()))
                .setParameter(7, event.tenant())
                .setParameter(8, Timestamp.from(event.time()))
                .setParameter(9, origin.topic())
                .setParameter(10, origin.partition())
                .setParameter(11, origin.offset())
                .setParameter(12, payload)
                .setParameter(13, contractBroken)
                .setParameter(14, describe(cause))
                .setParameter(15, attempts)
                .setParameter(16, now)
                .getSingleResult();
        if (!DeadLetterFiled.TYPE.equals(event.type())) {
            // no case and no tenant: the notice is about the service's plumbing, keyed by the entry
            outbox.append(new OutgoingEvent(DeadLetterFiled.TOPIC, DeadLetterFiled.TYPE, id.toString(), null,
                    DeadLetterFiled.of(id, source, consumer, event.type(), event.id(), cause, attempts, contractBroken,
                            filedAt)));
        }
        registry.counter("consilium.dead.letters.filed", "consumer", consumer,
                "reason", contractBroken ? "contract" : "failure").increment();
    }

    @Transactional
    public Page<DeadLetter> list(Filter filter, PageRequest page) {
        Map<String, Object> where = new LinkedHashMap<>();
        if (filter.status() != null) {
            where.put("status", filter.status().name());
        }
        if (filter.consumer() != null) {
            where.put("consumer", filter.consumer());
        }
        if (filter.caseId() != null) {
            where.put("case_id", filter.caseId());
        }
        if (filter.tenant() != null) {
            where.put("tenant", filter.tenant());
        }
        List<String> conditions = new ArrayList<>();
        int position = 1;
        for (String column : where.keySet()) {
            conditions.add(column + " = ?" + position++);
        }
        String clause = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        Query rows = em.createNativeQuery("select " + COLUMNS + " from dead_letter" + clause
                + " order by last_failed_at desc, id limit " + page.size() + " offset " + page.offset());
        Query count = em.createNativeQuery("select count(*) from dead_letter" + clause);
        position = 1;
        for (Object value : where.values()) {
            rows.setParameter(position, value);
            count.setParameter(position++, value);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = rows.getResultList();
        return new Page<>(found.stream().map(DeadLetters::letter).toList(), page.page(), page.size(),
                ((Number) count.getSingleResult()).longValue());
    }

    @Transactional
    public Optional<DeadLetter> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("select " + COLUMNS + " from dead_letter where id = ?1")
                .setParameter(1, id).getResultList();
        return found.stream().findFirst().map(DeadLetters::letter);
    }

    /** Reads and locks an entry for a replay or a discard; only inside the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Stored> lock(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("select " + COLUMNS + ", payload from dead_letter where id = ?1 for update")
                .setParameter(1, id).getResultList();
        return found.stream().findFirst().map(row -> {
            DeadLetter letter = letter(row);
            IncomingEvent event = new IncomingEvent(letter.eventId(), letter.eventType(), letter.eventSource(),
                    letter.caseId().toString(), letter.tenant(), letter.occurredAt());
            return new Stored(letter, event, (String) row[20]);
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void resolve(UUID id, DeadLetter.Status status, String by, String resolution) {
        em.createNativeQuery("""
                        update dead_letter set status = ?2, resolved_at = ?3, resolved_by = ?4, resolution = ?5
                        where id = ?1""")
                .setParameter(1, id)
                .setParameter(2, status.name())
                .setParameter(3, Timestamp.from(clock.instant()))
                .setParameter(4, by)
                .setParameter(5, resolution)
                .executeUpdate();
    }

    /** A replay that failed again: counted, and its error kept, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void replayFailed(UUID id, RuntimeException cause) {
        em.createNativeQuery("""
                        update dead_letter set attempts = attempts + 1, error = ?2, last_failed_at = ?3
                        where id = ?1 and status = 'OPEN'""")
                .setParameter(1, id)
                .setParameter(2, describe(cause))
                .setParameter(3, Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    static String describe(Throwable cause) {
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }

    private static DeadLetter letter(Object[] row) {
        return new DeadLetter((UUID) row[0], (String) row[1], (UUID) row[2], (String) row[3], (String) row[4],
                (UUID) row[5], (String) row[6], instant(row[7]), (String) row[8],
                row[9] == null ? null : ((Number) row[9]).intValue(),
                row[10] == null ? null : ((Number) row[10]).longValue(), (Boolean) row[11], (String) row[12],
                ((Number) row[13]).intValue(), DeadLetter.Status.valueOf((String) row[14]), instant(row[15]),
                instant(row[16]), instant(row[17]), (String) row[18], (String) row[19]);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
