package io.consilium.cases.timeline;

import io.consilium.cases.service.IncomingTenant;
import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Appends a case event to the case's timeline, exactly once per event id. */
@ApplicationScoped
public class TimelineRecorder {

    static final String CONSUMER = "case-timeline";

    private final Inbox inbox;

    TimelineRecorder(Inbox inbox) {
        this.inbox = inbox;
    }

    /** @return false when the event was recorded before (a redelivery) and nothing changed */
    @Transactional
    public boolean record(IncomingEvent event) {
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
        entry.persist();
        return true;
    }
}
