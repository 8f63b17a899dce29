package io.consilium.platform.consumer;

import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The inbox check every consumer needs, written once: records the event for the consumer and applies it only
 * the first time, in the caller's transaction, so the effect and the inbox row commit or roll back together.
 */
@ApplicationScoped
class FirstDeliveries {

    private final Inbox inbox;
    private final EventPayloads payloads;

    FirstDeliveries(Inbox inbox, EventPayloads payloads) {
        this.inbox = inbox;
        this.payloads = payloads;
    }

    /** @return false when the consumer does not handle the type or applied this event before */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean apply(EventConsumer consumer, IncomingEvent event, String payload) {
        if (!consumer.handles(event.type()) || !inbox.firstDelivery(consumer.name(), event.id(), event.type())) {
            return false;
        }
        consumer.apply(new Delivery(event, payload, payloads));
        return true;
    }
}
