package io.consilium.platform.audit;

import io.consilium.platform.outbox.OutgoingEvent;
import jakarta.enterprise.context.RequestScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * The refusals of the current request not yet on record: {@link AuditTrail#denied} leaves them here while the
 * request's transaction is open, and {@link DeniedAccessRecorder} writes them once it is over.
 */
@RequestScoped
public class DeniedAccesses {

    private final List<OutgoingEvent> pending = new ArrayList<>();

    void add(OutgoingEvent event) {
        pending.add(event);
    }

    /** The pending refusals, and none left. */
    List<OutgoingEvent> take() {
        List<OutgoingEvent> taken = List.copyOf(pending);
        pending.clear();
        return taken;
    }
}
