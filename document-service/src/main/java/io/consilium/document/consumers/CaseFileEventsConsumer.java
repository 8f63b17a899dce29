package io.consilium.document.consumers;

import io.consilium.platform.consumer.Delivery;
import io.consilium.platform.consumer.EventConsumer;
import io.consilium.platform.consumer.IncomingRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Reads {@code consilium.case.events} and {@code consilium.specialist.events} into the case files through the
 * platform's {@code IncomingRecords}: records that are not CloudEvents about a case and types it does not use are
 * skipped; a handled type whose value is not a JSON object is filed as a dead letter at once; other failures
 * after three attempts.
 */
@ApplicationScoped
public class CaseFileEventsConsumer implements EventConsumer {

    static final Set<String> TYPES = Set.of(CaseFileProjector.CASE_SUBMITTED, CaseFileProjector.PATIENT_LINKED,
            CaseFileProjector.MANAGER_ASSIGNED,
            CaseFileProjector.RECORDS_REQUESTED, CaseFileProjector.CONSENT_GRANTED, CaseFileProjector.CONSENT_REVOKED,
            CaseFileProjector.CASE_CANCELLED, CaseFileProjector.CASE_CLOSED,
            CaseFileProjector.SPECIALIST_ACCEPTED, CaseFileProjector.SPECIALIST_DECLINED,
            CaseFileProjector.SPECIALIST_EXPIRED);

    private final CaseFileProjector projector;
    private final IncomingRecords records;

    CaseFileEventsConsumer(CaseFileProjector projector, IncomingRecords records) {
        this.projector = projector;
        this.records = records;
    }

    @Incoming("case-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> caseEvents(Message<String> message) {
        return consume(message);
    }

    @Incoming("specialist-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> specialistEvents(Message<String> message) {
        return consume(message);
    }

    private CompletionStage<Void> consume(Message<String> message) {
        return records.handle(this, message);
    }

    @Override
    public String name() {
        return CaseFileProjector.CONSUMER;
    }

    @Override
    public boolean handles(String type) {
        return TYPES.contains(type);
    }

    @Override
    public void apply(Delivery delivery) {
        projector.apply(delivery);
    }
}
