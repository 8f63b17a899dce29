package io.consilium.notification.domain;

/** One line of the routing table: this event type notifies this kind of recipient on this channel. */
public record Route(String eventType, RecipientKind recipient, Channel channel) {
}
