package io.consilium.platform.audit;

import io.consilium.platform.outbox.Outbox;
import io.consilium.platform.outbox.OutgoingEvent;
import io.consilium.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Emits {@code consilium.audit.access-recorded.v1} on the {@code consilium.audit} topic through the outbox,
 * so an audit record is as reliable as the access it describes.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String TOPIC = "consilium.audit";
    public static final String TYPE = "consilium.audit.access-recorded.v1";

    private final Outbox outbox;

    AuditTrail(Outbox outbox) {
        this.outbox = outbox;
    }

    /** An allowed access, recorded in the transaction that performs it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void allowed(Caller caller, AuditedAccess access) {
        outbox.append(event(caller, access, true));
    }

    /**
     * A refused access, recorded in a transaction of its own: the request's transaction is about to roll back,
     * and the refusal must still be on record.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void denied(Caller caller, AuditedAccess access) {
        outbox.append(event(caller, access, false));
    }

    private static OutgoingEvent event(Caller caller, AuditedAccess access, boolean allowed) {
        AccessRecorded record = new AccessRecorded(caller.subject(), caller.primaryRole(),
                caller.displayName().orElse(null), caller.tenant().orElse(null),
                access.objectType(), access.objectId(), access.caseId(), access.action(), access.purpose(), allowed,
                Instant.now());
        String key = access.caseId() != null ? access.caseId() : access.objectId();
        return new OutgoingEvent(TOPIC, TYPE, key, access.tenant(), record);
    }
}
