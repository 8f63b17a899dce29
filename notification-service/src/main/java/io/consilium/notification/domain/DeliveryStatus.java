package io.consilium.notification.domain;

/**
 * PENDING (created, not tried yet) → DELIVERED, or RETRYING (failed, next attempt scheduled) → ... → DEAD (the
 * schedule is spent). HELD: a channel this service routes but does not send on yet, or an endpoint disabled.
 * DELIVERED and DEAD return to PENDING only through a replay. SKIPPED: a person's message not sent because they
 * turned its channel off, or a push to a person without a registered device (final, nothing failed).
 */
public enum DeliveryStatus {
    PENDING, RETRYING, DELIVERED, DEAD, HELD, SKIPPED
}
