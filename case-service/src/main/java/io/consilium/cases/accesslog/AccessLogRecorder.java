package io.consilium.cases.accesslog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.cases.service.IncomingTenant;
import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.cloudevents.InvalidEvent;
import io.consilium.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Keeps the audit records that concern a case, once per event, for the patient's access log. */
@ApplicationScoped
public class AccessLogRecorder {

    static final String CONSUMER = "case-access-log";
    static final String TYPE = "consilium.audit.access-recorded.v1";

    /** The fields of {@code access-recorded} this consumer reads. */
    record AccessRecorded(String subject, String role, String objectType, String objectId, String action,
                          String purpose, Boolean allowed, java.time.Instant at) {
    }

    private final Inbox inbox;
    private final ObjectMapper json;

    AccessLogRecorder(Inbox inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    @Transactional
    public void record(IncomingEvent event, String payload) {
        if (!TYPE.equals(event.type())) {
            return;
        }
        IncomingTenant.requireCasesTenant(event);
        if (!inbox.firstDelivery(CONSUMER, event.id(), event.type())) {
            return;
        }
        AccessRecorded access;
        try {
            access = json.readValue(payload, AccessRecorded.class);
        } catch (JsonProcessingException e) {
            throw new InvalidEvent("Not an access-recorded payload", e);
        }
        AccessLogEntry entry = new AccessLogEntry();
        entry.eventId = event.id();
        entry.caseId = UUID.fromString(event.subject());
        entry.subject = access.subject() == null ? "unknown" : access.subject();
        entry.role = access.role() == null ? "none" : access.role();
        entry.objectType = access.objectType() == null ? "unknown" : access.objectType();
        entry.objectId = access.objectId();
        entry.action = access.action() == null ? "unknown" : access.action();
        entry.purpose = access.purpose();
        entry.allowed = Boolean.TRUE.equals(access.allowed());
        entry.source = event.source();
        entry.at = access.at() != null ? access.at() : event.time();
        entry.persist();
    }
}
