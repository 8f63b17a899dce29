package io.consilium.cases.timeline;

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
 * Reads the case topics into the timeline. Tolerant: records that are not CloudEvents or have no case id as
 * subject are acknowledged and skipped; a record that still fails after the recorder's retries is nacked and
 * goes to the dead-letter topic.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CaseEventsConsumer.class);

    private final TimelineRecorder recorder;

    CaseEventsConsumer(TimelineRecorder recorder) {
        this.recorder = recorder;
    }

    @Incoming("case-timeline")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        Optional<IncomingEvent> event = IncomingEvent.of(message).filter(CaseEventsConsumer::hasCaseSubject);
        if (event.isEmpty()) {
            LOG.debug("Skipping a record that is not a case CloudEvent");
            return message.ack();
        }
        try {
            recorder.record(event.get());
            return message.ack();
        } catch (RuntimeException e) {
            LOG.warnf("Timeline could not record event %s: %s", event.get().id(), e.getMessage());
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
