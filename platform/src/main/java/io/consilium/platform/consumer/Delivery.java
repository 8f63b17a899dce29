package io.consilium.platform.consumer;

import io.consilium.platform.cloudevents.IncomingEvent;

import java.util.UUID;

/**
 * One event as a consumer applies it: the CloudEvent's attributes and its JSON payload, read on demand into the
 * consumer's own record through {@link EventPayloads} (so a missing required field is an
 * {@code InvalidEvent}, filed at once as a dead letter). Handed to {@link EventConsumer#apply} only on the first
 * delivery of the event to that consumer, inside the transaction that records it in the inbox.
 */
public final class Delivery {

    private final IncomingEvent event;
    private final String payload;
    private final EventPayloads payloads;

    public Delivery(IncomingEvent event, String payload, EventPayloads payloads) {
        this.event = event;
        this.payload = payload;
        this.payloads = payloads;
    }

    public IncomingEvent event() {
        return event;
    }

    public String type() {
        return event.type();
    }

    /** The case the event is about: {@link IncomingRecords} hands on only events whose subject is a case id. */
    public UUID caseId() {
        return UUID.fromString(event.subject());
    }

    /** The payload read into {@code type}, its Bean Validation constraints checked. */
    public <T> T payload(Class<T> type) {
        return payloads.read(payload, type);
    }

    /** The payload as it came, for consumers that keep it whole (dead letters keep their own copy). */
    public String rawPayload() {
        return payload;
    }
}
