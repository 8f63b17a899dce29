package io.consilium.platform.audit;

import io.consilium.platform.outbox.Outbox;
import io.consilium.platform.outbox.OutgoingEvent;
import io.consilium.platform.security.Caller;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
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
    private final DeniedAccesses deniedAccesses;
    private final TransactionSynchronizationRegistry transactions;

    AuditTrail(Outbox outbox, DeniedAccesses deniedAccesses, TransactionSynchronizationRegistry transactions) {
        this.outbox = outbox;
        this.deniedAccesses = deniedAccesses;
        this.transactions = transactions;
    }

    /** An allowed access, recorded in the transaction that performs it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void allowed(Caller caller, AuditedAccess access) {
        outbox.append(event(caller, access, true));
    }

    /**
     * A refused access, recorded in a transaction of its own, since the request's transaction is about to roll back
     * and the refusal must still be on record. Inside an HTTP request's open transaction the record is written once
     * that transaction is over, before the answer goes out ({@link DeniedAccessRecorder}: writing it now would need
     * a second connection while the request holds one, and enough concurrent refusals would exhaust the pool).
     * Elsewhere (no REST request, or no transaction) it is written at once.
     */
    public void denied(Caller caller, AuditedAccess access) {
        OutgoingEvent event = event(caller, access, false);
        // deferred only in a REST request, whose response filter writes it (a Vert.x route or a consumer has none);
        // the request context is asked first, since outside it the current REST request cannot even be looked up
        if (Arc.container().requestContext().isActive() && CurrentRequestManager.get() != null && inTransaction()) {
            deniedAccesses.add(event);
        } else {
            QuarkusTransaction.requiringNew().run(() -> outbox.append(event));
        }
    }

    private boolean inTransaction() {
        int status = transactions.getTransactionStatus();
        return status != Status.STATUS_NO_TRANSACTION && status != Status.STATUS_UNKNOWN;
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
