package io.consilium.specialist.consumers;

import io.consilium.platform.consumer.Delivery;
import io.consilium.platform.consumer.EventConsumer;
import io.consilium.platform.consumer.IncomingRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** Reads {@code consilium.report.events} for turnaround; tolerant like {@link CaseEventsConsumer}. */
@ApplicationScoped
public class ReportEventsConsumer implements EventConsumer {

    private final ReportEventHandler handler;
    private final IncomingRecords records;

    ReportEventsConsumer(ReportEventHandler handler, IncomingRecords records) {
        this.handler = handler;
        this.records = records;
    }

    @Incoming("report-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return records.handle(this, message);
    }

    @Override
    public String name() {
        return ReportEventHandler.CONSUMER;
    }

    @Override
    public boolean handles(String type) {
        return ReportEventHandler.handles(type);
    }

    @Override
    public void apply(Delivery delivery) {
        handler.apply(delivery);
    }
}
