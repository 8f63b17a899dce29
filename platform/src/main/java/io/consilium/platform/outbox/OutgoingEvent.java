package io.consilium.platform.outbox;

import java.util.Objects;

/**
 * An event to publish: where it goes and what it says. The payload is the publishing service's own record
 * (its JSON field names are the contract); platform never knows its type.
 *
 * @param topic   the owning service's topic, e.g. {@code consilium.case.events}
 * @param type    CloudEvents type, {@code consilium.<service>.<event>.v1}
 * @param subject the case id: CloudEvents subject and Kafka key
 * @param tenant  the insurer the case belongs to ({@code ce_tenant}), may be null for tenant-less events
 * @param payload the event record, serialised as JSON
 */
public record OutgoingEvent(String topic, String type, String subject, String tenant, Object payload) {

    public OutgoingEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(payload, "payload");
    }
}
