package io.consilium.cases.consumers;

import io.consilium.platform.consumer.Delivery;
import io.consilium.platform.consumer.EventConsumer;
import io.consilium.platform.consumer.IncomingRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Reads specialist-service's and report-service's topics for the events that move a case, the provider directory's,
 * and document-service's checklist state (which gates "records complete").
 */
@ApplicationScoped
public class ProgressConsumer implements EventConsumer {

    private final CaseProgress progress;
    private final NetworkProviders providers;
    private final RecordsChecklists checklists;
    private final IncomingRecords records;

    ProgressConsumer(CaseProgress progress, NetworkProviders providers, RecordsChecklists checklists,
                     IncomingRecords records) {
        this.progress = progress;
        this.providers = providers;
        this.checklists = checklists;
        this.records = records;
    }

    @Incoming("case-progress")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return records.handle(this, message);
    }

    @Override
    public String name() {
        return CaseProgress.CONSUMER;
    }

    @Override
    public boolean handles(String type) {
        return NetworkProviders.PROVIDER_CHANGED.equals(type) || RecordsChecklists.CHECKLIST_CHANGED.equals(type)
                || CaseProgress.handles(type);
    }

    @Override
    public void apply(Delivery delivery) {
        if (NetworkProviders.PROVIDER_CHANGED.equals(delivery.type())) {
            providers.apply(delivery);
        } else if (RecordsChecklists.CHECKLIST_CHANGED.equals(delivery.type())) {
            checklists.apply(delivery);
        } else {
            progress.apply(delivery);
        }
    }
}
