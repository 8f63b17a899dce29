package io.consilium.notification.service;

/** Fired inside the transaction that created deliveries to send; observed after its commit to send them at once. */
public record DeliveriesCreated(int count) {
}
