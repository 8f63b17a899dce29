package io.consilium.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One attempt at a webhook delivery, as the partner's delivery log shows it. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    /** The first 1 KiB of the answer is kept: enough to see an error page, never a receiver's whole reply. */
    public static final int RESPONSE_HEAD_BYTES = 1024;

    @Id
    public UUID id;
    @Column(name = "delivery_id", nullable = false)
    public UUID deliveryId;
    @Column(name = "endpoint_id", nullable = false)
    public UUID endpointId;
    @Column(nullable = false)
    public int attempt;
    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;
    @Column(name = "status_code")
    public Integer statusCode;
    @Column(name = "latency_ms", nullable = false)
    public long latencyMs;
    @Column(name = "response_head")
    public String responseHead;
    public String error;

    public static WebhookAttempt of(UUID deliveryId, UUID endpointId, int attempt, Instant at, Integer statusCode,
                                    long latencyMs, String responseHead, String error) {
        WebhookAttempt a = new WebhookAttempt();
        a.id = UUID.randomUUID();
        a.deliveryId = deliveryId;
        a.endpointId = endpointId;
        a.attempt = attempt;
        a.attemptedAt = at;
        a.statusCode = statusCode;
        a.latencyMs = latencyMs;
        a.responseHead = responseHead;
        a.error = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        return a;
    }

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
