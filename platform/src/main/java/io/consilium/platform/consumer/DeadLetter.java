package io.consilium.platform.consumer;

import java.time.Instant;
import java.util.UUID;

/**
 * A dead letter as ops see it: which consumer could not apply which event, why, and what became of it. The
 * event's payload is not part of it (it may hold clinical data); replay reads it from the database.
 */
public record DeadLetter(UUID id, String consumer, UUID eventId, String eventType, String eventSource, UUID caseId,
                         String tenant, Instant occurredAt, String topic, Integer partition, Long offset,
                         boolean contractBroken, String error, int attempts, Status status, Instant firstFailedAt,
                         Instant lastFailedAt, Instant resolvedAt, String resolvedBy, String resolution) {

    public enum Status {
        /** Not applied; waiting for ops to replay or discard it. */
        OPEN,
        /** Applied by a replay. */
        REPLAYED,
        /** Given up by ops, with a reason. */
        DISCARDED
    }
}
