package io.consilium.notification.consumers;

import io.consilium.platform.consumer.Delivery;
import io.consilium.platform.consumer.EventConsumer;
import io.consilium.platform.consumer.IncomingRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Reads {@code consilium.case.events}, {@code .document.events}, {@code .specialist.events} and
 * {@code .report.events}. Records that are not CloudEvents about a case, and types nobody is told about, are
 * skipped; one that breaks the contract or keeps failing is filed as a dead letter.
 */
@ApplicationScoped
public class NotificationInputsConsumer implements EventConsumer {

    private final NotificationInputs inputs;
    private final IncomingRecords records;

    NotificationInputsConsumer(NotificationInputs inputs, IncomingRecords records) {
        this.inputs = inputs;
        this.records = records;
    }

    @Incoming("notification-inputs")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return records.handle(this, message);
    }

    @Override
    public String name() {
        return NotificationInputs.CONSUMER;
    }

    @Override
    public boolean handles(String type) {
        return inputs.handles(type);
    }

    @Override
    public void apply(Delivery delivery) {
        inputs.apply(delivery);
    }
}
