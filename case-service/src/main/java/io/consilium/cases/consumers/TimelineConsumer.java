package io.consilium.cases.consumers;

import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.consumer.EventConsumer;
import io.consilium.platform.consumer.IncomingRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** Reads every service's case events into the timeline (metadata only; the payload is not kept). */
@ApplicationScoped
public class TimelineConsumer implements EventConsumer {

    private final TimelineRecorder recorder;
    private final IncomingRecords records;

    TimelineConsumer(TimelineRecorder recorder, IncomingRecords records) {
        this.recorder = recorder;
        this.records = records;
    }

    @Incoming("case-timeline")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return records.handle(this, message);
    }

    @Override
    public String name() {
        return TimelineRecorder.CONSUMER;
    }

    @Override
    public void apply(IncomingEvent event, String payload) {
        recorder.record(event, payload);
    }
}
