package io.consilium.document.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.platform.cloudevents.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Reads {@code consilium.case.events} and {@code consilium.specialist.events} into the case files. Tolerant:
 * records that are not CloudEvents about a case, types it does not use, and payloads that are not JSON objects
 * are acknowledged and skipped; a record that still fails after the projector's retries is nacked and goes to
 * the channel's dead-letter topic.
 */
@ApplicationScoped
public class CaseFileEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CaseFileEventsConsumer.class);

    static final Set<String> TYPES = Set.of(CaseFileProjector.CASE_SUBMITTED, CaseFileProjector.MANAGER_ASSIGNED,
            CaseFileProjector.RECORDS_REQUESTED, CaseFileProjector.CONSENT_GRANTED, CaseFileProjector.CONSENT_REVOKED,
            CaseFileProjector.SPECIALIST_ACCEPTED, CaseFileProjector.SPECIALIST_DECLINED,
            CaseFileProjector.SPECIALIST_EXPIRED);

    private final CaseFileProjector projector;
    private final ObjectMapper json;

    CaseFileEventsConsumer(CaseFileProjector projector, ObjectMapper json) {
        this.projector = projector;
        this.json = json;
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
        Optional<IncomingEvent> event = IncomingEvent.of(message)
                .filter(e -> TYPES.contains(e.type()))
                .filter(CaseFileEventsConsumer::hasCaseSubject);
        if (event.isEmpty()) {
            return message.ack();
        }
        JsonNode payload;
        try {
            payload = message.getPayload() == null ? null : json.readTree(message.getPayload());
        } catch (JsonProcessingException e) {
            payload = null;
        }
        if (payload == null || !payload.isObject()) {
            LOG.warnf("Skipping event %s: its value is not a JSON object", event.get().id());
            return message.ack();
        }
        try {
            projector.apply(event.get(), payload);
            return message.ack();
        } catch (RuntimeException e) {
            LOG.warnf("Case file could not apply event %s (%s): %s", event.get().id(), event.get().type(), e.getMessage());
            return message.nack(e);
        }
    }

    private static boolean hasCaseSubject(IncomingEvent event) {
        try {
            return event.subject() != null && UUID.fromString(event.subject()) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
