package io.consilium.notification.domain;

import io.consilium.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.DoubleSupplier;

/**
 * One message to one recipient on one channel about one event (unique on that, so a redelivered event adds no
 * row). For a webhook the id is the {@code webhook-id}: the same on every attempt and replay, so receivers can
 * drop what they have seen. State changes only through the methods below; illegal ones are refused with 409.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    static final int ERROR_MAX = 500;

    @Id
    public UUID id;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(name = "event_type", nullable = false)
    public String eventType;
    @Column(name = "case_id")
    public UUID caseId;
    public String tenant;
    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind", nullable = false)
    public RecipientKind recipientKind;
    @Column(nullable = false)
    public String recipient;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;
    @Column(nullable = false)
    public boolean urgent;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    /** The body as sent (webhooks: the thin JSON payload, signed as is on every attempt). */
    public String payload;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    /** In-app inbox items: when the person read it (null while unread). */
    @Column(name = "read_at")
    public Instant readAt;
    @Version
    public long version;

    public static Delivery create(UUID eventId, String eventType, UUID caseId, String tenant, RecipientKind kind,
                                  String recipient, Channel channel, boolean urgent, String payload, boolean sendable,
                                  Instant now) {
        Delivery d = new Delivery();
        d.id = UUID.randomUUID();
        d.eventId = Objects.requireNonNull(eventId);
        d.eventType = Objects.requireNonNull(eventType);
        d.caseId = caseId;
        d.tenant = tenant;
        d.recipientKind = Objects.requireNonNull(kind);
        d.recipient = Objects.requireNonNull(recipient);
        d.channel = Objects.requireNonNull(channel);
        d.urgent = urgent;
        d.payload = payload;
        d.status = sendable ? DeliveryStatus.PENDING : DeliveryStatus.HELD;
        d.nextAttemptAt = sendable ? now : null;
        d.createdAt = now;
        return d;
    }

    /**
     * Taken by the sender that created it, until {@code until}: it sends the delivery right after the commit, and no
     * other sender's claim sees it before then (after a crash, any sender takes it once the lease is over).
     */
    public void leasedUntil(Instant until) {
        if (status != DeliveryStatus.PENDING) {
            throw new IllegalStateException("Only a pending delivery is leased, not a " + status + " one");
        }
        nextAttemptAt = Objects.requireNonNull(until);
    }

    /**
     * An in-app inbox item is delivered the moment it is committed: the row is the item the apps read (and the
     * live stream announces after the commit).
     */
    public static Delivery inApp(UUID eventId, String eventType, UUID caseId, String tenant, RecipientKind kind,
                                 String recipient, boolean urgent, String detail, Instant now) {
        Delivery d = create(eventId, eventType, caseId, tenant, kind, recipient, Channel.INBOX, urgent, detail, true, now);
        d.status = DeliveryStatus.DELIVERED;
        d.attempts = 1;
        d.deliveredAt = now;
        d.nextAttemptAt = null;
        return d;
    }

    /** Marks an inbox item read; reading it again changes nothing. */
    public void read(Instant now) {
        if (channel != Channel.INBOX) {
            throw new ProblemException.Conflict("Only inbox items are read");
        }
        if (readAt == null) {
            readAt = now;
        }
    }

    public boolean due(Instant now) {
        return (status == DeliveryStatus.PENDING || status == DeliveryStatus.RETRYING)
                && nextAttemptAt != null && !nextAttemptAt.isAfter(now);
    }

    /** An attempt the receiver answered with 2xx. A late answer to an attempt on a dead delivery still counts. */
    public void delivered(Instant now) {
        requireSending();
        attempts++;
        status = DeliveryStatus.DELIVERED;
        deliveredAt = now;
        nextAttemptAt = null;
        lastError = null;
    }

    /**
     * A failed attempt: schedules the next one, or makes the delivery DEAD when the schedule is spent.
     *
     * @return true when the delivery is dead now
     */
    public boolean failed(String error, Instant now, RetrySchedule schedule, DoubleSupplier random) {
        requireSending();
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), ERROR_MAX));
        Optional<Instant> next = schedule.next(attempts, now, random);
        if (next.isPresent()) {
            status = DeliveryStatus.RETRYING;
            nextAttemptAt = next.get();
            return false;
        }
        status = DeliveryStatus.DEAD;
        nextAttemptAt = null;
        return true;
    }

    /** An attempt that no retry can mend (a person without an address): dead at once. */
    public void abandon(String error, Instant now) {
        requireSending();
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), ERROR_MAX));
        status = DeliveryStatus.DEAD;
        nextAttemptAt = null;
    }

    /**
     * The recipient's quiet hours: the message waits until they end, no attempt counted. Only a message still
     * waiting to be sent can wait longer.
     */
    public void postpone(Instant until) {
        requireSending();
        nextAttemptAt = Objects.requireNonNull(until);
    }

    /** Not sent, and never will be: the person turned the channel off, or has no device to push to. */
    public void skip(String reason) {
        requireSending();
        status = DeliveryStatus.SKIPPED;
        nextAttemptAt = null;
        lastError = reason == null ? null : reason.substring(0, Math.min(reason.length(), ERROR_MAX));
    }

    /** Ops or the partner ask for it again: the same id (receivers drop what they had), a fresh schedule. */
    public void replay(Instant now) {
        if (channel != Channel.WEBHOOK) {
            throw new ProblemException.Conflict("Only webhook deliveries are replayed");
        }
        if (status == DeliveryStatus.PENDING || status == DeliveryStatus.RETRYING) {
            throw new ProblemException.Conflict("The delivery is still being tried (status " + status + ")");
        }
        status = DeliveryStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    /** The endpoint was disabled: its waiting deliveries stop until it is enabled again. */
    public void hold() {
        if (status == DeliveryStatus.PENDING || status == DeliveryStatus.RETRYING) {
            status = DeliveryStatus.HELD;
            nextAttemptAt = null;
        }
    }

    /** The endpoint is enabled again: a held webhook delivery is tried at once. */
    public void release(Instant now) {
        if (status == DeliveryStatus.HELD && channel == Channel.WEBHOOK) {
            status = DeliveryStatus.PENDING;
            nextAttemptAt = now;
        }
    }

    private void requireSending() {
        if (status != DeliveryStatus.PENDING && status != DeliveryStatus.RETRYING) {
            throw new ProblemException.Conflict("The delivery is " + status + ", not being sent");
        }
    }
}
