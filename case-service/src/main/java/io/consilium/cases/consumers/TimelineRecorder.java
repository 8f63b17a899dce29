package io.consilium.cases.consumers;

import io.consilium.cases.domain.TimelineEntry;
import io.consilium.cases.service.IncomingTenant;
import io.consilium.platform.cloudevents.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/** Appends a case event to the case's timeline, once per event id (the inbox check is {@code IncomingRecords}'). */
@ApplicationScoped
public class TimelineRecorder {

    static final String CONSUMER = "case-timeline";

    /** Events on the services' topics that are about a directory, not a case: their subject is no case id. */
    private static final Set<String> NOT_ABOUT_A_CASE = Set.of(NetworkProviders.PROVIDER_CHANGED);

    static boolean handles(String type) {
        return !NOT_ABOUT_A_CASE.contains(type);
    }

    public void record(IncomingEvent event) {
        UUID caseId = UUID.fromString(event.subject());
        IncomingTenant.requireCasesTenant(event);
        TimelineEntry entry = new TimelineEntry();
        entry.eventId = event.id();
        entry.caseId = caseId;
        entry.tenant = event.tenant();
        entry.type = event.type();
        entry.source = event.source();
        entry.occurredAt = event.time();
        entry.persist();
    }
}
