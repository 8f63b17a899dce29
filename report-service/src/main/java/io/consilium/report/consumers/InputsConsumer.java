package io.consilium.report.consumers;

import io.consilium.platform.consumer.Delivery;
import io.consilium.platform.consumer.EventConsumer;
import io.consilium.platform.consumer.IncomingRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/** Reads case-service's, specialist-service's and document-service's topics for what reports and the case bundle depend on. */
@ApplicationScoped
public class InputsConsumer implements EventConsumer {

    private final CaseAndPanelRecorder recorder;
    private final CaseBundleInputs bundleInputs;
    private final IncomingRecords records;

    InputsConsumer(CaseAndPanelRecorder recorder, CaseBundleInputs bundleInputs, IncomingRecords records) {
        this.recorder = recorder;
        this.bundleInputs = bundleInputs;
        this.records = records;
    }

    @Incoming("report-inputs")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return records.handle(this, message);
    }

    @Override
    public String name() {
        return CaseAndPanelRecorder.CONSUMER;
    }

    @Override
    public boolean handles(String type) {
        return CaseAndPanelRecorder.handles(type) || CaseBundleInputs.handles(type);
    }

    @Override
    public void apply(Delivery delivery) {
        // one inbox transaction: what reports depend on first, then what only the FHIR case bundle reads
        if (CaseAndPanelRecorder.handles(delivery.type())) {
            recorder.apply(delivery);
        }
        if (CaseBundleInputs.handles(delivery.type())) {
            bundleInputs.apply(delivery);
        }
    }
}
