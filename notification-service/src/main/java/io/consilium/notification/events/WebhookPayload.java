package io.consilium.notification.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * The body of every partner webhook (Standard Webhooks' {@code type}, {@code timestamp}, {@code data}): thin on
 * purpose. The event type, the case, the case's new state and the event's id and time; no clinical content, no
 * names, no free text. A partner reads more, as far as its role allows, from the API.
 */
public record WebhookPayload(String type, Instant timestamp, Data data) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Data(UUID caseId, String state, UUID eventId, UUID endpointId) {
    }
}
