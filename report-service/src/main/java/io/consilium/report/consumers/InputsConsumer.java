package io.consilium.report.consumers;

import io.consilium.platform.consumer.Delivery;
import io.consilium.platform.consumer.EventConsumer;
import io.consilium.platform.consumer.IncomingRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** Reads case-service's and specialist-service's topics for what reports depend on. */
@ApplicationScoped
public class InputsConsumer implements EventConsumer {

    private final CaseAndPanelRecorder recorder;
    private final IncomingRecords records;

    InputsConsumer(CaseAndPanelRecorder recorder, IncomingRecords records) {
        this.recorder = recorder;
        this.records = records;
    }

    @Incoming("report-inputs")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return records.handle(this, message);
    }

    @Override
    public String name() {
        return CaseAndPanelRecorder.CONSUMER;
    }

    @Override
    public boolean handles(String type) {
        return CaseAndPanelRecorder.handles(type);
    }

    @Override
    public void apply(Delivery delivery) {
        recorder.apply(delivery);
    }
}
