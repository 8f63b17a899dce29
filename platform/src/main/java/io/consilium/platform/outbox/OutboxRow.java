package io.consilium.platform.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One unsent outbox row as the relay reads it. */
public record OutboxRow(long id, UUID eventId, String topic, String kafkaKey, String type, String source,
                        String subject, String tenant, OffsetDateTime occurredAt, String payload) {
}
