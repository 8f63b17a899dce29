package io.consilium.notification.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.consilium.notification.domain.Delivery;
import io.consilium.notification.domain.DeliveryStatus;
import io.consilium.notification.domain.WebhookAttempt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook delivery in an endpoint's log: its id is the {@code webhook-id}; attempts only when one is read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(UUID id, UUID eventId, String eventType, UUID caseId, DeliveryStatus status, int attempts,
                           Instant nextAttemptAt, String lastError, Instant createdAt, Instant deliveredAt,
                           String payload, List<AttemptView> attemptLog) {

    /** One attempt: when, the HTTP status (none if no answer came), the latency and the first 1 KiB of the answer. */
    public record AttemptView(int attempt, Instant at, Integer status, long latencyMs, String response, String error) {
        static AttemptView of(WebhookAttempt a) {
            return new AttemptView(a.attempt, a.attemptedAt, a.statusCode, a.latencyMs, a.responseHead, a.error);
        }
    }

    static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id, d.eventId, d.eventType, d.caseId, d.status, d.attempts, d.nextAttemptAt,
                d.lastError, d.createdAt, d.deliveredAt, null, null);
    }

    static DeliveryView withAttempts(Delivery d, List<WebhookAttempt> attempts) {
        return new DeliveryView(d.id, d.eventId, d.eventType, d.caseId, d.status, d.attempts, d.nextAttemptAt,
                d.lastError, d.createdAt, d.deliveredAt, d.payload, attempts.stream().map(AttemptView::of).toList());
    }
}
