package io.consilium.cases.consumers;

import io.consilium.platform.cloudevents.IncomingEvent;
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
    public void apply(IncomingEvent event, String payload) {
        if (NetworkProviders.PROVIDER_CHANGED.equals(event.type())) {
            providers.apply(event, payload);
        } else if (RecordsChecklists.CHECKLIST_CHANGED.equals(event.type())) {
            checklists.apply(event, payload);
        } else {
            progress.apply(event, payload);
        }
    }
}
