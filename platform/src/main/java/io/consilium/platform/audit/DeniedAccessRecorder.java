package io.consilium.platform.audit;

import io.consilium.platform.outbox.Outbox;
import io.consilium.platform.outbox.OutgoingEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.BlockingOperationControl;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;

/**
 * Writes a request's refusals ({@link DeniedAccesses}) in a transaction of their own once the request's own
 * transaction is over (rolled back with the refusal's exception), before the answer goes out.
 * <p>
 * Why not at the moment of the refusal, in a new transaction: the request's transaction still holds its database
 * connection then, so each refused request needed a second one, and as many concurrent refusals as the pool has
 * connections each held one and waited for another until the pool's acquisition timeout (5 s, then 500). Under a
 * partner's overviews through the gateway (five audited refusals per overview) that exhausted report-service's pool
 * at 100 overviews a second.
 */
@ApplicationScoped
public class DeniedAccessRecorder {

    private static final Logger LOG = Logger.getLogger(DeniedAccessRecorder.class);

    private final DeniedAccesses denied;
    private final Outbox outbox;
    private final Vertx vertx;

    DeniedAccessRecorder(DeniedAccesses denied, Outbox outbox, Vertx vertx) {
        this.denied = denied;
        this.outbox = outbox;
        this.vertx = vertx;
    }

    @ServerResponseFilter
    public void recordDenials() {
        List<OutgoingEvent> events = denied.take();
        if (events.isEmpty()) {
            return;
        }
        if (BlockingOperationControl.isBlockingAllowed()) {
            write(events);
        } else {
            // a non-blocking endpoint's answer: the write may not block the event loop
            vertx.executeBlocking(() -> {
                write(events);
                return null;
            }, false);
        }
    }

    void write(List<OutgoingEvent> events) {
        try {
            QuarkusTransaction.requiringNew().run(() -> outbox.appendAll(events));
        } catch (RuntimeException e) {
            // the request was refused either way; the record is what is lost, and said so loudly
            LOG.errorf(e, "%d refused access(es) could not be put on record", events.size());
        }
    }
}
