package io.consilium.notification.domain;

/**
 * One line of the routing table: this event type notifies this kind of recipient on this channel; {@code urgent}
 * routes never wait for the recipient's quiet hours (as a breached deadline does not).
 */
public record Route(String eventType, RecipientKind recipient, Channel channel, boolean urgent) {

    public Route(String eventType, RecipientKind recipient, Channel channel) {
        this(eventType, recipient, channel, false);
    }
}
