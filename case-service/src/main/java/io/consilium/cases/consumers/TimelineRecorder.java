package io.consilium.cases.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.cases.domain.CaseEventActor;
import io.consilium.cases.domain.TimelineActor;
import io.consilium.cases.domain.TimelineEntry;
import io.consilium.cases.events.CaseEvents;
import io.consilium.cases.service.IncomingTenant;
import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Appends a case event to the case's timeline, exactly once per event id. */
@ApplicationScoped
public class TimelineRecorder {

    static final String CONSUMER = "case-timeline";

    /** Events on the services' topics that are about a directory, not a case: their subject is no case id. */
    private static final Set<String> NOT_ABOUT_A_CASE = Set.of(NetworkProviders.PROVIDER_CHANGED);

    private final Inbox inbox;
    private final ObjectMapper json;

    TimelineRecorder(Inbox inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    /** @return false when the event was recorded before (a redelivery) and nothing changed */
    @Transactional
    public boolean record(IncomingEvent event, String payload) {
        if (NOT_ABOUT_A_CASE.contains(event.type())) {
            return false;
        }
        UUID caseId = UUID.fromString(event.subject());
        IncomingTenant.requireCasesTenant(event);
        if (!inbox.firstDelivery(CONSUMER, event.id(), event.type())) {
            return false;
        }
        TimelineEntry entry = new TimelineEntry();
        entry.eventId = event.id();
        entry.caseId = caseId;
        entry.tenant = event.tenant();
        entry.type = event.type();
        entry.source = event.source();
        entry.occurredAt = event.time();
        actorOf(event, payload).ifPresent(entry::actedBy);
        entry.persist();
        return true;
    }

    /**
     * Case-service's own events: the caller kept when they were published. Other services' events: whom the event
     * names as having acted. The actor only decorates the entry, so a payload that is not an object names nobody
     * rather than failing the timeline.
     */
    private Optional<TimelineActor> actorOf(IncomingEvent event, String payload) {
        if (CaseEvents.SOURCE.equals(event.source())) {
            return Optional.ofNullable(CaseEventActor.<CaseEventActor>findById(event.id())).map(CaseEventActor::actor);
        }
        JsonNode node;
        try {
            node = payload == null ? null : json.readTree(payload);
        } catch (Exception notJson) {
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        JsonNode fields = node;
        return TimelineActor.named(event.type(), name -> fields.path(name).isTextual() ? fields.path(name).asText() : null);
    }
}
