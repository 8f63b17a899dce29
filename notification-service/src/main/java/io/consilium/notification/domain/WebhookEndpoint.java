package io.consilium.notification.domain;

import io.consilium.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A partner's webhook endpoint: one tenant, the event types it wants, its signing secret (and, for a while after a
 * rotation, the previous one: both sign during the overlap so the receiver can switch without losing a message).
 * An endpoint failing without a single success for {@code disableAfter} is disabled until someone enables it.
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String tenant;
    @Column(nullable = false)
    public String url;
    public String description;
    /** Comma-separated, sorted. */
    @Column(name = "event_types", nullable = false)
    public String eventTypes;
    @Column(nullable = false)
    public String secret;
    @Column(name = "previous_secret")
    public String previousSecret;
    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;
    @Column(nullable = false)
    public boolean enabled;
    @Column(name = "disabled_reason")
    public String disabledReason;
    /** When it was disabled; null while enabled. */
    @Column(name = "disabled_at")
    public Instant disabledAt;
    /** The first failure after the last success; null while the endpoint answers. */
    @Column(name = "failing_since")
    public Instant failingSince;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Version
    public long version;

    public static WebhookEndpoint register(String tenant, String url, String description, Set<String> eventTypes,
                                           String secret, String createdBy, Instant now) {
        if (eventTypes.isEmpty()) {
            throw new ProblemException.Unprocessable("An endpoint subscribes to at least one event type");
        }
        WebhookEndpoint e = new WebhookEndpoint();
        e.id = UUID.randomUUID();
        e.tenant = Objects.requireNonNull(tenant);
        e.url = Objects.requireNonNull(url);
        e.description = description;
        e.eventTypes = String.join(",", new TreeSet<>(eventTypes));
        e.secret = Objects.requireNonNull(secret);
        e.enabled = true;
        e.createdBy = createdBy;
        e.createdAt = now;
        return e;
    }

    public List<String> eventTypes() {
        return eventTypes.isEmpty() ? List.of() : Arrays.asList(eventTypes.split(","));
    }

    public boolean subscribes(String eventType) {
        return eventTypes().contains(eventType);
    }

    /** The secrets to sign with at {@code now}: the current one, and the previous one during the overlap. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>();
        secrets.add(secret);
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    /** A new secret; the current one keeps signing too for {@code overlap}. */
    public void rotate(String newSecret, Instant now, Duration overlap) {
        previousSecret = secret;
        previousSecretUntil = now.plus(overlap);
        secret = Objects.requireNonNull(newSecret);
    }

    /** @return true when this failure disables the endpoint (failing for {@code disableAfter} without a success) */
    public boolean failed(Instant now, Duration disableAfter) {
        if (failingSince == null) {
            failingSince = now;
        }
        if (enabled && !now.isBefore(failingSince.plus(disableAfter))) {
            enabled = false;
            disabledAt = now;
            disabledReason = "Every delivery failed since " + failingSince + "; enable the endpoint once it answers";
            return true;
        }
        return false;
    }

    public void succeeded() {
        failingSince = null;
    }

    public void enable() {
        if (enabled) {
            throw new ProblemException.Conflict("The endpoint is enabled already");
        }
        enabled = true;
        disabledReason = null;
        disabledAt = null;
        failingSince = null;
    }

    public void disable(String reason, Instant now) {
        if (!enabled) {
            throw new ProblemException.Conflict("The endpoint is disabled already");
        }
        enabled = false;
        disabledReason = reason;
        disabledAt = now;
    }
}
