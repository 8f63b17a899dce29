package io.consilium.cases.consumers;

import io.consilium.cases.domain.AccessLogEntry;
import io.consilium.cases.service.IncomingTenant;
import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.consumer.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** Keeps the audit records that concern a case, once per event, for the patient's access log. */
@ApplicationScoped
public class AccessLogRecorder {

    static final String CONSUMER = "case-access-log";
    static final String TYPE = "consilium.audit.access-recorded.v1";

    /**
     * The fields of {@code access-recorded} this consumer reads; who, what and the verdict are required. The
     * actor's {@code displayName} is optional: records written before it existed carry none.
     */
    record AccessRecorded(@NotBlank String subject, @NotBlank String role, String displayName, @NotBlank String objectType,
                          String objectId, @NotBlank String action, String purpose, @NotNull Boolean allowed,
                          java.time.Instant at) {
    }

    static boolean handles(String type) {
        return TYPE.equals(type);
    }

    public void record(Delivery delivery) {
        IncomingEvent event = delivery.event();
        IncomingTenant.requireCasesTenant(event);
        AccessRecorded access = delivery.payload(AccessRecorded.class);
        AccessLogEntry entry = new AccessLogEntry();
        entry.eventId = event.id();
        entry.caseId = UUID.fromString(event.subject());
        entry.subject = access.subject();
        entry.role = access.role();
        entry.actorName = access.displayName() == null || access.displayName().isBlank() ? null
                : access.displayName().substring(0, Math.min(200, access.displayName().length()));
        entry.objectType = access.objectType();
        entry.objectId = access.objectId();
        entry.action = access.action();
        entry.purpose = access.purpose();
        entry.allowed = access.allowed();
        entry.source = event.source();
        entry.at = access.at() != null ? access.at() : event.time();
        entry.persist();
        // the action filter of the access log accepts the actions seen so far
        AccessLogEntry.getEntityManager()
                .createNativeQuery("insert into access_action (action) values (?1) on conflict do nothing")
                .setParameter(1, entry.action).executeUpdate();
    }
}
