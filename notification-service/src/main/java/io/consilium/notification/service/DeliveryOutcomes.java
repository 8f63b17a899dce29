package io.consilium.notification.service;

import io.consilium.notification.config.WebhookSettings;
import io.consilium.notification.domain.Channel;
import io.consilium.notification.domain.Delivery;
import io.consilium.notification.domain.DeliveryStatus;
import io.consilium.notification.domain.RetrySchedule;
import io.consilium.notification.domain.WebhookAttempt;
import io.consilium.notification.domain.WebhookEndpoint;
import io.consilium.notification.events.NotificationDelivered;
import io.consilium.notification.events.NotificationEvents;
import io.consilium.notification.events.NotificationFailed;
import io.consilium.notification.webhook.WebhookResponse;
import io.consilium.platform.outbox.Outbox;
import io.consilium.platform.outbox.OutgoingEvent;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Records one attempt's outcome in one transaction: the attempt in the delivery log, the delivery's next state
 * (delivered, retry scheduled, dead), the endpoint's health (disabled after failing for days), and the
 * {@code delivered}/{@code failed} events through the outbox.
 */
@ApplicationScoped
public class DeliveryOutcomes {

    private static final Logger LOG = Logger.getLogger(DeliveryOutcomes.class);

    private final Outbox outbox;
    private final Clock clock;
    private final RetrySchedule schedule;
    private final Duration disableAfter;
    private final MeterRegistry metrics;
    private final EndpointNotices notices;

    DeliveryOutcomes(Outbox outbox, Clock clock, WebhookSettings settings, MeterRegistry metrics, EndpointNotices notices) {
        this.outbox = outbox;
        this.notices = notices;
        this.clock = clock;
        this.schedule = new RetrySchedule(settings.retryDelays(), settings.jitter());
        this.disableAfter = settings.disableAfter();
        this.metrics = metrics;
    }

    public RetrySchedule schedule() {
        return schedule;
    }

    /** One webhook attempt's outcome as it came back, to be recorded with others in one transaction. */
    public record Attempted(WebhookClaim claim, Instant attemptedAt, WebhookResponse response) {
    }

    @Transactional
    public void record(WebhookClaim claim, Instant attemptedAt, WebhookResponse response) {
        recordAll(List.of(new Attempted(claim, attemptedAt, response)));
    }

    /**
     * Records the outcomes of many attempts in one transaction (one commit, one read of their deliveries, one wake-up
     * of the outbox relay): at a thousand deliveries a second, a transaction per attempt was most of the sender's work.
     */
    @Transactional
    public void recordAll(List<Attempted> attempts) {
        Map<UUID, Delivery> deliveries = new HashMap<>();
        Delivery.<Delivery>list("id in ?1", attempts.stream().map(a -> a.claim().deliveryId()).distinct().toList())
                .forEach(d -> deliveries.put(d.id, d));
        Batch batch = new Batch();
        // every endpoint of the batch locked up front, in id order: its health is judged on each outcome in turn, and
        // another transaction changing it (a rotation, an enable) waits instead of failing this one's version check
        WebhookEndpoint.<WebhookEndpoint>find("id in ?1 order by id",
                        attempts.stream().map(a -> a.claim().endpointId()).distinct().toList())
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .forEach(e -> batch.endpoints.put(e.id, e));
        for (Attempted attempted : attempts) {
            Delivery delivery = deliveries.get(attempted.claim().deliveryId());
            if (delivery != null) {
                record(batch, delivery, attempted.claim(), attempted.attemptedAt(), attempted.response());
            }
        }
        // last, in one statement: the native insert flushes the attempts and delivery states written above first
        outbox.appendAll(batch.events);
    }

    /** What one transaction of outcomes has gathered: its events, and its endpoints (locked). */
    private static final class Batch {
        final List<OutgoingEvent> events = new ArrayList<>();
        final Map<UUID, WebhookEndpoint> endpoints = new HashMap<>();
    }

    private void record(Batch batch, Delivery delivery, WebhookClaim claim, Instant attemptedAt, WebhookResponse response) {
        WebhookAttempt.of(delivery.id, claim.endpointId(), delivery.attempts + 1, attemptedAt, response.status(),
                response.latencyMillis(), response.head(), response.status() == null ? response.error() : null).persist();
        metrics.timer("consilium_webhook_latency", "endpoint", claim.endpointId().toString())
                .record(Duration.ofMillis(response.latencyMillis()));
        if (delivery.status != DeliveryStatus.PENDING && delivery.status != DeliveryStatus.RETRYING) {
            // replayed, held or finished while this attempt was out: the log keeps it, the state stays
            return;
        }
        Instant now = clock.instant();
        if (response.succeeded()) {
            delivery.delivered(now);
            metrics.counter("consilium_notification_deliveries_total", "channel", "WEBHOOK", "outcome", "delivered").increment();
            WebhookEndpoint endpoint = batch.endpoints.get(claim.endpointId());
            if (endpoint != null && endpoint.failingSince != null) {
                endpoint.succeeded();
            }
            if (delivery.caseId != null) {
                batch.events.add(new OutgoingEvent(NotificationEvents.TOPIC, NotificationEvents.DELIVERED,
                        delivery.caseId.toString(), delivery.tenant, new NotificationDelivered(delivery.caseId,
                        delivery.tenant, delivery.id, delivery.channel.name(), delivery.eventId, now)));
            }
            return;
        }
        boolean dead = delivery.failed(response.failure(), now, schedule, () -> ThreadLocalRandom.current().nextDouble());
        metrics.counter("consilium_notification_deliveries_total", "channel", "WEBHOOK",
                "outcome", dead ? "dead" : "retrying").increment();
        WebhookEndpoint endpoint = batch.endpoints.get(claim.endpointId());
        if (endpoint != null && endpoint.failed(now, disableAfter)) {
            LOG.warnf("Webhook endpoint %s of tenant %s disabled: failing since %s", endpoint.id, endpoint.tenant,
                    endpoint.failingSince);
            holdWaiting(endpoint.id);
            notices.disabled(endpoint);
        }
        if (dead && delivery.caseId != null) {
            batch.events.add(new OutgoingEvent(NotificationEvents.TOPIC, NotificationEvents.FAILED,
                    delivery.caseId.toString(), delivery.tenant, new NotificationFailed(delivery.caseId, delivery.tenant,
                    delivery.id, delivery.channel.name(), delivery.eventId, delivery.lastError, delivery.attempts, now)));
        }
    }

    /**
     * An e-mail attempt's outcome: delivered, retried on the schedule, or dead (at once when {@code hopeless});
     * {@code delivered}/{@code failed} events as for webhooks.
     */
    @Transactional
    public void recordEmail(UUID deliveryId, boolean sent, String error, boolean hopeless) {
        Delivery delivery = Delivery.findById(deliveryId);
        if (delivery == null || (delivery.status != DeliveryStatus.PENDING && delivery.status != DeliveryStatus.RETRYING)) {
            return;
        }
        Instant now = clock.instant();
        String channel = delivery.channel.name();
        if (sent) {
            delivery.delivered(now);
            metrics.counter("consilium_notification_deliveries_total", "channel", channel, "outcome", "delivered").increment();
            if (delivery.caseId != null) {
                outbox.append(new OutgoingEvent(NotificationEvents.TOPIC, NotificationEvents.DELIVERED,
                        delivery.caseId.toString(), delivery.tenant, new NotificationDelivered(delivery.caseId,
                        delivery.tenant, delivery.id, channel, delivery.eventId, now)));
            }
            return;
        }
        boolean dead;
        if (hopeless) {
            delivery.abandon(error, now);
            dead = true;
        } else {
            dead = delivery.failed(error, now, schedule, () -> ThreadLocalRandom.current().nextDouble());
        }
        metrics.counter("consilium_notification_deliveries_total", "channel", channel,
                "outcome", dead ? "dead" : "retrying").increment();
        if (dead && delivery.caseId != null) {
            outbox.append(new OutgoingEvent(NotificationEvents.TOPIC, NotificationEvents.FAILED,
                    delivery.caseId.toString(), delivery.tenant, new NotificationFailed(delivery.caseId, delivery.tenant,
                    delivery.id, channel, delivery.eventId, delivery.lastError, delivery.attempts, now)));
        }
    }

    /** A disabled endpoint's waiting deliveries stop (HELD) until it is enabled again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdWaiting(UUID endpointId) {
        Delivery.<Delivery>list("recipient = ?1 and channel = ?2 and status in ?3", endpointId.toString(),
                        Channel.WEBHOOK, List.of(DeliveryStatus.PENDING, DeliveryStatus.RETRYING))
                .forEach(Delivery::hold);
    }
}
