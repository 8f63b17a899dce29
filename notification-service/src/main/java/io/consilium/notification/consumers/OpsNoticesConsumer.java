package io.consilium.notification.consumers;

import io.consilium.notification.service.Notifications;
import io.consilium.platform.consumer.Delivery;
import io.consilium.platform.consumer.EventConsumer;
import io.consilium.platform.consumer.IncomingRecords;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Reads {@code consilium.platform.events}: every service's notices about its own plumbing (a dead letter filed).
 * They belong to no case and no tenant, so they skip the case projections and reach ops only, by the routing
 * table's ops routes; the notice's ce_subject is the dead letter's id, not a case.
 */
@ApplicationScoped
public class OpsNoticesConsumer implements EventConsumer {

    static final String CONSUMER = "notification-ops-notices";
    static final String DEAD_LETTER_FILED = "consilium.platform.dead-letter-filed.v1";

    private final Notifications notifications;
    private final IncomingRecords records;

    OpsNoticesConsumer(Notifications notifications, IncomingRecords records) {
        this.notifications = notifications;
        this.records = records;
    }

    @Incoming("ops-notices")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(Message<String> message) {
        return records.handle(this, message);
    }

    @Override
    public String name() {
        return CONSUMER;
    }

    @Override
    public boolean handles(String type) {
        return DEAD_LETTER_FILED.equals(type) && notifications.routed(type);
    }

    @Override
    public void apply(Delivery delivery) {
        DeadLetterFiled notice = delivery.payload(DeadLetterFiled.class);
        // the message names where to look (service and consumer), never the event's content
        notifications.routeToOps(delivery.event().id(), delivery.event().type(), notice.service() + " / " + notice.consumer());
    }
}
