package io.consilium.specialist.consumers;

import io.consilium.platform.cloudevents.IncomingRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** Reads {@code consilium.report.events} for turnaround; tolerant like {@link CaseEventsConsumer}. */
@ApplicationScoped
public class ReportEventsConsumer {

    private final ReportEventHandler handler;

    ReportEventsConsumer(ReportEventHandler handler) {
        this.handler = handler;
    }

    @Incoming("report-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return IncomingRecords.handle(message, handler::apply);
    }
}
