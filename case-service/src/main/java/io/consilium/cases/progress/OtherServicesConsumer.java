package io.consilium.cases.progress;

import io.consilium.platform.cloudevents.IncomingRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** Reads specialist-service's and report-service's topics for the events that move a case. */
@ApplicationScoped
public class OtherServicesConsumer {

    private final CaseProgress progress;

    OtherServicesConsumer(CaseProgress progress) {
        this.progress = progress;
    }

    @Incoming("case-progress")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return IncomingRecords.handle(message, progress::apply);
    }
}
