package io.consilium.specialist.consumers;

import io.consilium.platform.cloudevents.IncomingRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Reads {@code consilium.case.events}. Tolerant: records that are not CloudEvents, have no case id as subject or
 * are of types this service does not handle are acknowledged and skipped; a record that still fails after the
 * handler's retries (or breaks the contract) is nacked and goes to the dead-letter topic.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    private final CaseEventHandler handler;

    CaseEventsConsumer(CaseEventHandler handler) {
        this.handler = handler;
    }

    @Incoming("case-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return IncomingRecords.handle(message, handler::apply);
    }
}
