package io.consilium.notification.service;

import io.consilium.notification.domain.Channel;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Fired inside the transaction that created deliveries to send; observed after its commit so that the senders of
 * those channels (only those: a claim round costs a query) send them at once.
 *
 * @param webhookClaims new webhook deliveries created leased to this instance's sender, with what sending them
 *                      needs: it sends them without claiming them from the database
 */
public record DeliveriesCreated(Set<Channel> channels, List<WebhookClaim> webhookClaims) {

    /** Webhook deliveries made due again (a replay, an endpoint enabled, a ping): the sender claims them. */
    public static DeliveriesCreated webhooks() {
        return new DeliveriesCreated(EnumSet.of(Channel.WEBHOOK), List.of());
    }

    public boolean includes(Channel channel) {
        return channels.contains(channel);
    }
}
