package io.consilium.cases.timeline;

import io.consilium.platform.cloudevents.IncomingRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** Reads every service's case events into the timeline (metadata only; the payload is not kept). */
@ApplicationScoped
public class CaseEventsConsumer {

    private final TimelineRecorder recorder;

    CaseEventsConsumer(TimelineRecorder recorder) {
        this.recorder = recorder;
    }

    @Incoming("case-timeline")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return IncomingRecords.handle(message, (event, payload) -> recorder.record(event));
    }
}
