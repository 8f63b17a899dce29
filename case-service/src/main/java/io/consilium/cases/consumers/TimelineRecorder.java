package io.consilium.cases.consumers;

import io.consilium.cases.domain.TimelineEntry;
import io.consilium.cases.service.IncomingTenant;
import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.cases.events.CaseEvents;
import io.consilium.platform.consumer.EventPayloads;
import io.consilium.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Appends a case event to the case's timeline, exactly once per event id. */
@ApplicationScoped
public class TimelineRecorder {

    static final String CONSUMER = "case-timeline";

    /** Events on the services' topics that are about a directory, not a case: their subject is no case id. */
    private static final Set<String> NOT_ABOUT_A_CASE = Set.of(NetworkProviders.PROVIDER_CHANGED);

    /** The fields of records-completed the note needs (both absent when nothing was overridden). */
    record RecordsCompletedNote(String overrideReason, List<String> overriddenItems) {
    }

    private final Inbox inbox;
    private final EventPayloads payloads;

    TimelineRecorder(Inbox inbox, EventPayloads payloads) {
        this.inbox = inbox;
        this.payloads = payloads;
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
        entry.note = noteOf(event, payload);
        entry.persist();
        return true;
    }

    /** A records completion over open checklist items shows the doctor's reason and what was open. */
    private String noteOf(IncomingEvent event, String payload) {
        if (!CaseEvents.RECORDS_COMPLETED.equals(event.type()) || payload == null) {
            return null;
        }
        RecordsCompletedNote completed = payloads.read(payload, RecordsCompletedNote.class);
        if (completed.overrideReason() == null) {
            return null;
        }
        List<String> open = completed.overriddenItems() == null ? List.of() : completed.overriddenItems();
        String note = "Records marked complete over open checklist items ("
                + (open.isEmpty() ? "checklist not reported yet" : String.join(", ", open)) + "): "
                + completed.overrideReason();
        return note.length() <= 1500 ? note : note.substring(0, 1500);
    }
}
