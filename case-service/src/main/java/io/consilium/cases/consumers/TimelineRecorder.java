package io.consilium.cases.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.cases.domain.CaseEventActor;
import io.consilium.cases.domain.CaseManager;
import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.domain.TimelineActor;
import io.consilium.cases.domain.TimelineEntry;
import io.consilium.cases.events.CaseEvents;
import io.consilium.cases.service.IncomingTenant;
import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.consumer.Delivery;
import io.consilium.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Appends a case event to the case's timeline, once per event id (the inbox check is {@code IncomingRecords}'). */
@ApplicationScoped
public class TimelineRecorder {

    static final String CONSUMER = "case-timeline";

    /** notification-service's notice that a partner's webhook endpoint was disabled: its subject is the endpoint. */
    static final String ENDPOINT_DISABLED = "consilium.notification.endpoint-disabled.v1";

    /** Events on the services' topics that are about a directory or an endpoint, not a case: their subject is no case id. */
    private static final Set<String> NOT_ABOUT_A_CASE = Set.of(NetworkProviders.PROVIDER_CHANGED, ENDPOINT_DISABLED);

    /** The fields of records-completed the note needs (both absent when nothing was overridden). */
    record RecordsCompletedNote(String overrideReason, List<String> overriddenItems) {
    }

    private final ObjectMapper json;

    TimelineRecorder(ObjectMapper json) {
        this.json = json;
    }

    static boolean handles(String type) {
        return !NOT_ABOUT_A_CASE.contains(type);
    }

    public void record(Delivery delivery) {
        IncomingEvent event = delivery.event();
        UUID caseId = UUID.fromString(event.subject());
        IncomingTenant.requireCasesTenant(event);
        TimelineEntry entry = new TimelineEntry();
        entry.eventId = event.id();
        entry.caseId = caseId;
        entry.tenant = event.tenant();
        entry.type = event.type();
        entry.source = event.source();
        entry.occurredAt = event.time();
        entry.note = noteOf(delivery);
        actorOf(event, delivery.rawPayload()).ifPresent(entry::actedBy);
        entry.persist();
    }

    /** A records completion over open checklist items shows the doctor's reason and what was open. */
    private static String noteOf(Delivery delivery) {
        if (!CaseEvents.RECORDS_COMPLETED.equals(delivery.type())) {
            return null;
        }
        RecordsCompletedNote completed = delivery.payload(RecordsCompletedNote.class);
        if (completed.overrideReason() == null) {
            return null;
        }
        List<String> open = completed.overriddenItems() == null ? List.of() : completed.overriddenItems();
        String note = "Records marked complete over open checklist items ("
                + (open.isEmpty() ? "checklist not reported yet" : String.join(", ", open)) + "): "
                + completed.overrideReason();
        return note.length() <= 1500 ? note : note.substring(0, 1500);
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
        Function<String, String> field = name -> fields.path(name).isTextual() ? fields.path(name).asText() : null;
        return TimelineActor.named(event.type(), field)
                .or(() -> TimelineActor.roleOnly(event.type(), field).flatMap(role -> ofTheCase(event, role)));
    }

    /**
     * The case's own patient or personal doctor, for an event that gives only their role: the patient by the name
     * the case holds (shown to the patient and the doctor only, like every patient actor), the doctor by the team's.
     */
    private static Optional<TimelineActor> ofTheCase(IncomingEvent event, String role) {
        SmoCase smoCase = SmoCase.findById(UUID.fromString(event.subject()));
        if (smoCase == null) {
            return Optional.empty();
        }
        if (Roles.PATIENT.equals(role) && smoCase.patientId != null) {
            return Optional.of(new TimelineActor(smoCase.patientId, Roles.PATIENT, smoCase.patientName));
        }
        if (Roles.CASE_MANAGER.equals(role) && smoCase.managerId != null) {
            CaseManager manager = CaseManager.findById(smoCase.managerId);
            return Optional.of(new TimelineActor(smoCase.managerId, Roles.CASE_MANAGER, manager == null ? null : manager.name));
        }
        return Optional.empty();
    }
}
