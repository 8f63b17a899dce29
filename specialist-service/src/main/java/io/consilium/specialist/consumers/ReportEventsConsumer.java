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

/** Reads {@code consilium.report.events} for turnaround; tolerant like {@link CaseEventsConsumer}. */
@ApplicationScoped
public class ReportEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ReportEventsConsumer.class);

    private final ReportEventHandler handler;

    ReportEventsConsumer(ReportEventHandler handler) {
        this.handler = handler;
    }

    @Incoming("report-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        Optional<IncomingEvent> event = IncomingEvent.of(message)
                .filter(e -> ReportEventHandler.handles(e.type()))
                .filter(ReportEventsConsumer::hasCaseSubject);
        if (event.isEmpty()) {
            return message.ack();
        }
        try {
            handler.apply(event.get(), message.getPayload());
            return message.ack();
        } catch (RuntimeException e) {
            LOG.warnf("Report event %s could not be applied: %s", event.get().id(), e.getMessage());
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
