package io.consilium.notification.domain;

/**
 * Who an event notifies, resolved from this service's projections: the case's patient and personal doctor, the
 * specialist the event names, operations, or the tenant's partner system (its subscribed webhook endpoints).
 */
public enum RecipientKind {
    PATIENT, MANAGER, SPECIALIST, OPS, PARTNER
}
