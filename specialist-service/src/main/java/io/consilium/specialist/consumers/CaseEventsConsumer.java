package io.consilium.specialist.consumers;

import io.consilium.platform.cloudevents.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Reads {@code consilium.case.events}. Tolerant: records that are not CloudEvents, have no case id as subject or
 * are of types this service does not handle are acknowledged and skipped; a record that still fails after the
 * handler's retries (or breaks the contract) is nacked and goes to the dead-letter topic.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CaseEventsConsumer.class);

    private final CaseEventHandler handler;

    CaseEventsConsumer(CaseEventHandler handler) {
        this.handler = handler;
    }

    @Incoming("case-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        Optional<IncomingEvent> event = IncomingEvent.of(message)
                .filter(e -> CaseEventHandler.handles(e.type()))
                .filter(CaseEventsConsumer::hasCaseSubject);
        if (event.isEmpty()) {
            return message.ack();
        }
        try {
            handler.apply(event.get(), message.getPayload());
            return message.ack();
        } catch (RuntimeException e) {
            LOG.warnf("Case event %s (%s) could not be applied: %s", event.get().id(), event.get().type(), e.getMessage());
            return message.nack(e);
        }
    }

    private static boolean hasCaseSubject(IncomingEvent event) {
        try {
            return event.subject() != null && UUID.fromString(event.subject()) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
