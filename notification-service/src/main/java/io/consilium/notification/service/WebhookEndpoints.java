package io.consilium.notification.service;

import io.consilium.notification.config.WebhookSettings;
import io.consilium.notification.domain.Channel;
import io.consilium.notification.domain.Delivery;
import io.consilium.notification.domain.DeliveryStatus;
import io.consilium.notification.domain.RecipientKind;
import io.consilium.notification.domain.WebhookAttempt;
import io.consilium.notification.domain.WebhookEndpoint;
import io.consilium.notification.events.NotificationEvents;
import io.consilium.notification.events.WebhookPayload;
import io.consilium.notification.security.EndpointAccess;
import io.consilium.notification.security.EndpointAddresses;
import io.consilium.notification.webhook.WebhookSigner;
import io.consilium.platform.http.EntityTags;
import io.consilium.platform.paging.Page;
import io.consilium.platform.paging.PageRequest;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Partner webhook endpoints: registration, secrets, enabling, ping, the delivery log and replays. */
@ApplicationScoped
public class WebhookEndpoints {

    /** A new endpoint or a rotation: the only answers that carry the secret. */
    public record WithSecret(WebhookEndpoint endpoint, String secret) {
    }

    private final Notifications notifications;
    private final WebhookSettings settings;
    private final DeliveryOutcomes outcomes;
    private final Clock clock;
    private final EndpointAddresses addresses;
    private final Event<DeliveriesCreated> created;
    private final EndpointNotices notices;

    WebhookEndpoints(Notifications notifications, WebhookSettings settings, DeliveryOutcomes outcomes, Clock clock,
                     Event<DeliveriesCreated> created, EndpointNotices notices) {
        this.notices = notices;
        this.notifications = notifications;
        this.settings = settings;
        this.outcomes = outcomes;
        this.clock = clock;
        this.addresses = new EndpointAddresses(settings.allowLoopback(), EndpointAddresses.DNS);
        this.created = created;
    }

    public Set<String> eventTypes() {
        return notifications.table().webhookTypes();
    }

    @Transactional
    public WithSecret register(Caller caller, String requestedTenant, String url, String description, List<String> types) {
        String tenant = EndpointAccess.tenantFor(caller, requestedTenant);
        if (tenant == null) {
            throw new ProblemException.InvalidRequest("ops name the tenant of the endpoint",
                    List.of(new Violation("tenant", "is required for ops")));
        }
        checkUrl(url);
        Set<String> wanted = new LinkedHashSet<>(types);
        Set<String> known = eventTypes();
        List<Violation> unknown = wanted.stream().filter(t -> !known.contains(t))
                .map(t -> new Violation("eventTypes", "not an event type partners receive; one of " + known)).toList();
        if (!unknown.isEmpty()) {
            throw new ProblemException.InvalidRequest("Unknown event types", unknown.subList(0, 1));
        }
        String secret = WebhookSigner.newSecret();
        WebhookEndpoint endpoint = WebhookEndpoint.register(tenant, url, description, wanted, secret, caller.subject(),
                clock.instant());
        endpoint.persist();
        return new WithSecret(endpoint, secret);
    }

    private void checkUrl(String url) {
        addresses.refusal(url).ifPresent(why -> {
            throw new ProblemException.InvalidRequest("The URL may not be called: " + why,
                    List.of(new Violation("url", why)));
        });
    }

    public Page<WebhookEndpoint> list(Caller caller, String tenant, PageRequest page) {
        String scope = caller.is(Roles.OPS) ? tenant : caller.tenant().orElse("");
        var query = scope == null
                ? WebhookEndpoint.<WebhookEndpoint>findAll(Sort.descending("createdAt").and("id"))
                : WebhookEndpoint.<WebhookEndpoint>find("tenant", Sort.descending("createdAt").and("id"), scope);
        return Page.of(query, page);
    }

    public WebhookEndpoint visible(Caller caller, UUID id) {
        WebhookEndpoint endpoint = WebhookEndpoint.findById(id);
        if (!EndpointAccess.mayUse(caller, endpoint)) {
            throw new ProblemException.NotFound("webhook endpoint");
        }
        return endpoint;
    }

    @Transactional
    public WithSecret rotate(Caller caller, UUID id, String ifMatch) {
        WebhookEndpoint endpoint = visible(caller, id);
        EntityTags.checkIfMatch(ifMatch, endpoint.version);
        String secret = WebhookSigner.newSecret();
        endpoint.rotate(secret, clock.instant(), settings.secretOverlap());
        return new WithSecret(endpoint, secret);
    }

    @Transactional
    public WebhookEndpoint enable(Caller caller, UUID id) {
        WebhookEndpoint endpoint = visible(caller, id);
        endpoint.enable();
        Instant now = clock.instant();
        Delivery.<Delivery>list("recipient = ?1 and channel = ?2 and status = ?3", id.toString(), Channel.WEBHOOK,
                DeliveryStatus.HELD).forEach(d -> d.release(now));
        created.fire(DeliveriesCreated.webhooks());
        return endpoint;
    }

    @Transactional
    public WebhookEndpoint disable(Caller caller, UUID id) {
        WebhookEndpoint endpoint = visible(caller, id);
        endpoint.disable("Disabled by " + caller.primaryRole(), clock.instant());
        outcomes.holdWaiting(id);
        notices.disabled(endpoint);
        return endpoint;
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        WebhookEndpoint endpoint = visible(caller, id);
        outcomes.holdWaiting(id);
        endpoint.delete();
    }

    /** A test delivery: signed and retried like any other, about no case. */
    @Transactional
    public Delivery ping(Caller caller, UUID id) {
        WebhookEndpoint endpoint = visible(caller, id);
        if (!endpoint.enabled) {
            throw new ProblemException.Conflict("The endpoint is disabled; enable it first");
        }
        Instant now = clock.instant();
        UUID eventId = UUID.randomUUID();
        String body = notifications.body(new WebhookPayload(NotificationEvents.PING, now,
                new WebhookPayload.Data(null, null, eventId, endpoint.id)));
        Delivery delivery = Delivery.create(eventId, NotificationEvents.PING, null, endpoint.tenant, RecipientKind.PARTNER,
                endpoint.id.toString(), Channel.WEBHOOK, false, body, true, now);
        delivery.persist();
        created.fire(DeliveriesCreated.webhooks());
        return delivery;
    }

    public Page<Delivery> deliveries(Caller caller, UUID endpointId, DeliveryStatus status, PageRequest page) {
        visible(caller, endpointId);
        var sort = Sort.descending("createdAt").and("id");
        var query = status == null
                ? Delivery.<Delivery>find("recipient = ?1 and channel = ?2", sort, endpointId.toString(), Channel.WEBHOOK)
                : Delivery.<Delivery>find("recipient = ?1 and channel = ?2 and status = ?3", sort, endpointId.toString(),
                Channel.WEBHOOK, status);
        return Page.of(query, page);
    }

    public Delivery delivery(Caller caller, UUID endpointId, UUID deliveryId) {
        visible(caller, endpointId);
        Delivery delivery = Delivery.findById(deliveryId);
        if (delivery == null || delivery.channel != Channel.WEBHOOK || !delivery.recipient.equals(endpointId.toString())) {
            throw new ProblemException.NotFound("delivery");
        }
        return delivery;
    }

    public List<WebhookAttempt> attempts(Delivery delivery) {
        return WebhookAttempt.list("deliveryId", Sort.ascending("attempt", "attemptedAt"), delivery.id);
    }

    @Transactional
    public Delivery replay(Caller caller, UUID endpointId, UUID deliveryId) {
        WebhookEndpoint endpoint = visible(caller, endpointId);
        if (!endpoint.enabled) {
            throw new ProblemException.Conflict("The endpoint is disabled; enable it first");
        }
        Delivery delivery = delivery(caller, endpointId, deliveryId);
        delivery.replay(clock.instant());
        created.fire(DeliveriesCreated.webhooks());
        return delivery;
    }

    /** Everything since a time that is not being tried right now: delivered, dead and held deliveries again. */
    @Transactional
    public int replaySince(Caller caller, UUID endpointId, Instant since) {
        WebhookEndpoint endpoint = visible(caller, endpointId);
        if (!endpoint.enabled) {
            throw new ProblemException.Conflict("The endpoint is disabled; enable it first");
        }
        Instant now = clock.instant();
        List<Delivery> again = Delivery.list("recipient = ?1 and channel = ?2 and createdAt >= ?3 and status in ?4",
                endpointId.toString(), Channel.WEBHOOK, since,
                List.of(DeliveryStatus.DELIVERED, DeliveryStatus.DEAD, DeliveryStatus.HELD));
        again.forEach(d -> d.replay(now));
        if (!again.isEmpty()) {
            created.fire(DeliveriesCreated.webhooks());
        }
        return again.size();
    }
}
