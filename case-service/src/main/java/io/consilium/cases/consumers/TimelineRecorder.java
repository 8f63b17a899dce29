package io.consilium.cases.consumers;

import io.consilium.cases.domain.TimelineEntry;
import io.consilium.cases.service.IncomingTenant;
import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Set;
import java.util.UUID;

/** Appends a case event to the case's timeline, exactly once per event id. */
@ApplicationScoped
public class TimelineRecorder {

    static final String CONSUMER = "case-timeline";

    /** Events on the services' topics that are about a directory, not a case: their subject is no case id. */
    private static final Set<String> NOT_ABOUT_A_CASE = Set.of(NetworkProviders.PROVIDER_CHANGED);

    private final Inbox inbox;

    TimelineRecorder(Inbox inbox) {
        this.inbox = inbox;
    }

    /** @return false when the event was recorded before (a redelivery) and nothing changed */
    @Transactional
    public boolean record(IncomingEvent event) {
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
        entry.persist();
        return true;
    }
}
