package io.consilium.notification.service;

import io.consilium.notification.domain.WebhookEndpoint;
import io.consilium.notification.events.EndpointDisabled;
import io.consilium.notification.events.NotificationEvents;
import io.consilium.notification.events.WebhookPayload;
import io.consilium.platform.outbox.Outbox;
import io.consilium.platform.outbox.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Tells the partner and ops that an endpoint was disabled, in the transaction that disables it: the
 * {@code endpoint-disabled} event through the outbox, and its deliveries by the routing table (the tenant's other
 * endpoints that subscribed to it, ops' inbox and e-mail) created right here rather than from this service's own
 * topic, so the notice exists exactly when the disabling commits.
 */
@ApplicationScoped
public class EndpointNotices {

    private final Outbox outbox;
    private final Notifications notifications;

    EndpointNotices(Outbox outbox, Notifications notifications) {
        this.outbox = outbox;
        this.notifications = notifications;
    }

    /** @return the event's id (also the {@code webhook-id} root of its deliveries) */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID disabled(WebhookEndpoint endpoint) {
        String type = NotificationEvents.ENDPOINT_DISABLED;
        UUID eventId = outbox.append(new OutgoingEvent(NotificationEvents.TOPIC, type, endpoint.id.toString(),
                endpoint.tenant, new EndpointDisabled(endpoint.id, endpoint.tenant, endpoint.disabledReason,
                endpoint.failingSince, endpoint.disabledAt)));
        // ops' message names the tenant and the endpoint to look at; the URL stays out (it may carry a token)
        notifications.routeAboutEndpoint(eventId, type, endpoint.disabledAt, endpoint.tenant,
                new WebhookPayload.Data(null, null, eventId, endpoint.id), endpoint.tenant + " / " + endpoint.id);
        return eventId;
    }
}
