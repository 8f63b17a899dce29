package io.consilium.platform.consumer;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code consilium.platform.dead-letter-filed.v1} on {@code consilium.platform.events} ({@code docs/events.md}): a
 * consumer gave up on an event and filed it, so ops hear of it without polling every service's dead-letter list.
 * Thin on purpose: which service, consumer and event, and why in one code; never the payload, the error text (it
 * may quote a value), the case or the tenant (ops read the entry itself at {@code /api/v1/ops/dead-letters/{id}}).
 *
 * @param service   the filing service, e.g. {@code case-service} (its {@code consilium.outbox.source} without the slash)
 * @param reason    {@link #CONTRACT_BROKEN} (not retried) or {@link #FAILED} (after the consumer's attempts)
 * @param errorType the failure's exception class, without its message
 */
public record DeadLetterFiled(UUID deadLetterId, String service, String consumer, String eventType, UUID eventId,
                              String reason, String errorType, int attempts, Instant filedAt) {

    public static final String TOPIC = "consilium.platform.events";
    public static final String TYPE = "consilium.platform.dead-letter-filed.v1";
    public static final String CONTRACT_BROKEN = "CONTRACT_BROKEN";
    public static final String FAILED = "FAILED";

    static DeadLetterFiled of(UUID deadLetterId, String source, String consumer, String eventType, UUID eventId,
                              RuntimeException cause, int attempts, boolean contractBroken, Instant filedAt) {
        String service = source.startsWith("/") ? source.substring(1) : source;
        return new DeadLetterFiled(deadLetterId, service, consumer, eventType, eventId,
                contractBroken ? CONTRACT_BROKEN : FAILED, cause.getClass().getSimpleName(), attempts, filedAt);
    }
}
