package io.consilium.cases.consumers;

import io.consilium.platform.consumer.Delivery;
import io.consilium.platform.consumer.EventConsumer;
import io.consilium.platform.consumer.IncomingRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** Reads {@code consilium.audit}, written by every service, into the access log of each case. */
@ApplicationScoped
public class AccessLogConsumer implements EventConsumer {

    private final AccessLogRecorder recorder;
    private final IncomingRecords records;

    AccessLogConsumer(AccessLogRecorder recorder, IncomingRecords records) {
        this.recorder = recorder;
        this.records = records;
    }

    @Incoming("case-access-log")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return records.handle(this, message);
    }

    @Override
    public String name() {
        return AccessLogRecorder.CONSUMER;
    }

    @Override
    public boolean handles(String type) {
        return AccessLogRecorder.handles(type);
    }

    @Override
    public void apply(Delivery delivery) {
        recorder.record(delivery);
    }
}
