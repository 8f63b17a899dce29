package io.consilium.specialist.consumers;

import io.consilium.platform.consumer.Delivery;
import io.consilium.platform.consumer.EventConsumer;
import io.consilium.platform.consumer.IncomingRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Reads {@code consilium.case.events}. Tolerant: records that are not CloudEvents, have no case id as subject or
 * are of types this service does not handle are acknowledged and skipped; a record that still fails after the
 * handler's retries (or breaks the contract) is filed as a dead letter for ops to replay or discard.
 */
@ApplicationScoped
public class CaseEventsConsumer implements EventConsumer {

    private final CaseEventHandler handler;
    private final IncomingRecords records;

    CaseEventsConsumer(CaseEventHandler handler, IncomingRecords records) {
        this.handler = handler;
        this.records = records;
    }

    @Incoming("case-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return records.handle(this, message);
    }

    @Override
    public String name() {
        return CaseEventHandler.CONSUMER;
    }

    @Override
    public boolean handles(String type) {
        return CaseEventHandler.handles(type);
    }

    @Override
    public void apply(Delivery delivery) {
        handler.apply(delivery);
    }
}
