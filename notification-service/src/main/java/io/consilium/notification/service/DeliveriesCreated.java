package io.consilium.notification.service;

/** Fired inside the transaction that created webhook deliveries; observed after its commit to send them at once. */
public record DeliveriesCreated(int webhooks) {
}
