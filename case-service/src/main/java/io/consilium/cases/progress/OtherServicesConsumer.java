package io.consilium.cases.progress;

import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.consumer.EventConsumer;
import io.consilium.platform.consumer.IncomingRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** Reads specialist-service's and report-service's topics for the events that move a case. */
@ApplicationScoped
public class OtherServicesConsumer implements EventConsumer {

    private final CaseProgress progress;
    private final IncomingRecords records;

    OtherServicesConsumer(CaseProgress progress, IncomingRecords records) {
        this.progress = progress;
        this.records = records;
    }

    @Incoming("case-progress")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return records.handle(this, message);
    }

    @Override
    public String name() {
        return CaseProgress.CONSUMER;
    }

    @Override
    public void apply(IncomingEvent event, String payload) {
        progress.apply(event, payload);
    }
}
