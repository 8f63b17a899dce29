package io.consilium.platform.cloudevents;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The CloudEvents attributes of a consumed Kafka record (binary mode), read through SmallRye's CloudEvents
 * support. Consumers use {@link #id()} for the inbox and {@link #type()} to pick what they handle; unknown types
 * are ignored, never fatal.
 */
public record IncomingEvent(UUID id, String type, String source, String subject, String tenant, Instant time) {

    /** Empty when the record is not a CloudEvent (or its id is not a UUID): such records are skipped. */
    public static Optional<IncomingEvent> of(Message<?> message) {
        return message.getMetadata(IncomingCloudEventMetadata.class).flatMap(IncomingEvent::from);
    }

    private static Optional<IncomingEvent> from(IncomingCloudEventMetadata<?> ce) {
        UUID id;
        try {
            id = UUID.fromString(ce.getId());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<Object> tenant = ce.getExtension("tenant");
        Optional<ZonedDateTime> time = ce.getTimeStamp();
        return Optional.of(new IncomingEvent(id, ce.getType(), String.valueOf(ce.getSource()),
                ce.getSubject().orElse(null), tenant.map(Object::toString).orElse(null),
                time.map(ZonedDateTime::toInstant).orElse(Instant.now())));
    }
}
