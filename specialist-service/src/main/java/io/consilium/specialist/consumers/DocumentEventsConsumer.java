package io.consilium.specialist.consumers;

import io.consilium.platform.consumer.Delivery;
import io.consilium.platform.consumer.EventConsumer;
import io.consilium.platform.consumer.IncomingRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** Reads {@code consilium.document.events} for the brief's list of records; other types are skipped. */
@ApplicationScoped
public class DocumentEventsConsumer implements EventConsumer {

    private final DocumentEventHandler handler;
    private final IncomingRecords records;

    DocumentEventsConsumer(DocumentEventHandler handler, IncomingRecords records) {
        this.handler = handler;
        this.records = records;
    }

    @Incoming("document-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return records.handle(this, message);
    }

    @Override
    public String name() {
        return DocumentEventHandler.CONSUMER;
    }

    @Override
    public boolean handles(String type) {
        return DocumentEventHandler.handles(type);
    }

    @Override
    public void apply(Delivery delivery) {
        handler.apply(delivery);
    }
}
