package io.consilium.cases.accesslog;

import io.consilium.platform.cloudevents.IncomingRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** Reads {@code consilium.audit}, written by every service, into the access log of each case. */
@ApplicationScoped
public class AuditTopicConsumer {

    private final AccessLogRecorder recorder;

    AuditTopicConsumer(AccessLogRecorder recorder) {
        this.recorder = recorder;
    }

    @Incoming("case-access-log")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return IncomingRecords.handle(message, recorder::record);
    }
}
