package io.consilium.platform.cloudevents;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Optional;
import java.util.UUID;

/**
 * The CloudEvents attributes of a consumed Kafka record (binary mode), read through SmallRye's CloudEvents
 * support. Consumers use {@link #id()} for the inbox and {@link #type()} to pick what they handle; unknown types
 * are ignored, never fatal.
 */
public record IncomingEvent(UUID id, String type, String source, String subject, String tenant) {

    public static Optional<IncomingEvent> of(Message<?> message) {
        return message.getMetadata(IncomingCloudEventMetadata.class).map(IncomingEvent::from);
    }

    @SuppressWarnings("rawtypes")
    private static IncomingEvent from(IncomingCloudEventMetadata ce) {
        Optional<Object> tenant = ce.getExtension("tenant");
        Optional<String> subject = ce.getSubject();
        return new IncomingEvent(UUID.fromString(ce.getId()), ce.getType(), ce.getSource().toString(),
                subject.orElse(null), tenant.map(Object::toString).orElse(null));
    }
}
