package io.consilium.report.consumers;

import io.consilium.platform.cloudevents.IncomingRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** Reads case-service's and specialist-service's topics for what reports depend on. */
@ApplicationScoped
public class InputsConsumer {

    private final CaseAndPanelRecorder recorder;

    InputsConsumer(CaseAndPanelRecorder recorder) {
        this.recorder = recorder;
    }

    @Incoming("report-inputs")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return IncomingRecords.handle(message, recorder::apply);
    }
}
