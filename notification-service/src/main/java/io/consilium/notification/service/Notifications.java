package io.consilium.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.notification.config.RoutingSettings;
import io.consilium.notification.config.WebhookSettings;
import io.consilium.notification.domain.CaseFile;
import io.consilium.notification.domain.Channel;
import io.consilium.notification.domain.Delivery;
import io.consilium.notification.domain.RecipientKind;
import io.consilium.notification.domain.Route;
import io.consilium.notification.domain.RoutingTable;
import io.consilium.notification.domain.WebhookEndpoint;
import io.consilium.notification.events.WebhookPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns one event into its deliveries, by the routing table: one row per (event, recipient, channel), written in
 * the consumer's transaction next to its inbox entry, so a redelivered event creates none and a rolled back one
 * leaves none. Webhook rows are sent after the commit ({@link DeliveriesCreated}); rows on channels without a
 * sender yet are kept HELD.
 */
@ApplicationScoped
public class Notifications {

    /** The recipient of an ops route: the operations team as a whole. */
    public static final String OPS = "ops";
    private static final Logger LOG = Logger.getLogger(Notifications.class);

    private final RoutingTable table;
    private final Set<Channel> sending;
    private final ObjectMapper json;
    private final Clock clock;
    private final Event<DeliveriesCreated> created;
    private final Event<InboxItemsCreated> inboxItems;
    private final Duration lease;

    Notifications(RoutingSettings settings, WebhookSettings webhooks, ObjectMapper json, Clock clock,
                  Event<DeliveriesCreated> created, Event<InboxItemsCreated> inboxItems) {
        this.lease = webhooks.lease();
        this.inboxItems = inboxItems;
        this.table = RoutingTable.parse(settings.routes());
        this.sending = settings.sendingChannels().stream().map(c -> Channel.valueOf(c.trim().toUpperCase(Locale.ROOT)))
                .collect(Collectors.toUnmodifiableSet());
        this.json = json;
        this.clock = clock;
        this.created = created;
    }

    public RoutingTable table() {
        return table;
    }

    public boolean routed(String eventType) {
        return table.routed(eventType);
    }

    /**
     * @param specialistSubject the specialist the event names, or null
     * @param detail            what a person's message shows besides the case (an SLA status), or null
     * @return the deliveries created
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Delivery> route(UUID eventId, String eventType, Instant occurredAt, CaseFile file,
                                String specialistSubject, boolean urgent, String detail) {
        Instant now = clock.instant();
        List<Delivery> deliveries = new ArrayList<>();
        List<WebhookClaim> claims = new ArrayList<>();
        for (Route route : table.routes(eventType)) {
            if (route.recipient() == RecipientKind.PARTNER) {
                deliveries.addAll(toPartner(eventId, eventType, occurredAt, file.tenant,
                        new WebhookPayload.Data(file.caseId, file.state, eventId, null), file.caseId, urgent, now, claims));
                continue;
            }
            String recipient = switch (route.recipient()) {
                case PATIENT -> file.patientId;
                case MANAGER -> file.managerId;
                case SPECIALIST -> specialistSubject;
                case OPS -> OPS;
                case PARTNER -> throw new IllegalStateException("handled above");
            };
            if (recipient == null) {
                // e.g. a partner's case before its patient is linked: nobody to tell yet, and nothing to invent
                LOG.debugf("No %s known for case %s; %s not routed to %s", route.recipient(), file.caseId, eventType,
                        route.channel());
                continue;
            }
            if (route.channel() == Channel.INBOX && sending.contains(Channel.INBOX)) {
                deliveries.add(Delivery.inApp(eventId, eventType, file.caseId, file.tenant, route.recipient(), recipient,
                        urgent || route.urgent(), detail, now));
            } else {
                deliveries.add(Delivery.create(eventId, eventType, file.caseId, file.tenant, route.recipient(), recipient,
                        route.channel(), urgent || route.urgent(), detail, sending.contains(route.channel()), now));
            }
        }
        return persisted(deliveries, claims);
    }

    /**
     * Routes an event about no case (a service's dead letter) to ops only: without a case there is no patient, doctor,
     * specialist or tenant to resolve, so any other route configured for the type is left out (and logged).
     *
     * @param detail what ops' message names (the service and consumer), or null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Delivery> routeToOps(UUID eventId, String eventType, String detail) {
        return routeWithoutCase(eventId, eventType, clock.instant(), null, null, detail);
    }

    /**
     * Routes an event about one tenant's webhook endpoint, not a case (an endpoint disabled): to ops, and to the
     * tenant's enabled endpoints that subscribed to the type. Patient, doctor and specialist routes do not apply.
     *
     * @param data   the webhook body's data (the endpoint it is about)
     * @param detail what ops' message names, or null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Delivery> routeAboutEndpoint(UUID eventId, String eventType, Instant occurredAt, String tenant,
                                             WebhookPayload.Data data, String detail) {
        return routeWithoutCase(eventId, eventType, occurredAt, tenant, data, detail);
    }

    private List<Delivery> routeWithoutCase(UUID eventId, String eventType, Instant occurredAt, String tenant,
                                            WebhookPayload.Data data, String detail) {
        Instant now = clock.instant();
        List<Delivery> deliveries = new ArrayList<>();
        List<WebhookClaim> claims = new ArrayList<>();
        for (Route route : table.routes(eventType)) {
            if (route.recipient() == RecipientKind.PARTNER && tenant != null) {
                deliveries.addAll(toPartner(eventId, eventType, occurredAt, tenant, data, null, route.urgent(), now, claims));
            } else if (route.recipient() != RecipientKind.OPS) {
                LOG.warnf("%s is about no case: its route to %s is not applied", eventType, route.recipient());
            } else if (route.channel() == Channel.INBOX && sending.contains(Channel.INBOX)) {
                deliveries.add(Delivery.inApp(eventId, eventType, null, tenant, RecipientKind.OPS, OPS, route.urgent(),
                        detail, now));
            } else {
                deliveries.add(Delivery.create(eventId, eventType, null, tenant, RecipientKind.OPS, OPS, route.channel(),
                        route.urgent(), detail, sending.contains(route.channel()), now));
            }
        }
        return persisted(deliveries, claims);
    }

    /**
     * One webhook delivery per enabled endpoint of the tenant that subscribed to the type; never another tenant's.
     * Each is leased to this instance's sender, which sends it after the commit from {@code claims}.
     */
    private List<Delivery> toPartner(UUID eventId, String eventType, Instant occurredAt, String tenant,
                                     WebhookPayload.Data data, UUID caseId, boolean urgent, Instant now,
                                     List<WebhookClaim> claims) {
        List<Delivery> deliveries = new ArrayList<>();
        String body = null;
        for (WebhookEndpoint endpoint : WebhookEndpoint.<WebhookEndpoint>list("tenant = ?1 and enabled = true", tenant)) {
            if (endpoint.subscribes(eventType)) {
                body = body != null ? body : body(new WebhookPayload(eventType, occurredAt, data));
                Delivery delivery = Delivery.create(eventId, eventType, caseId, tenant, RecipientKind.PARTNER,
                        endpoint.id.toString(), Channel.WEBHOOK, urgent, body, true, now);
                delivery.leasedUntil(now.plus(lease));
                deliveries.add(delivery);
                claims.add(new WebhookClaim(delivery.id, endpoint.id, endpoint.url, body, endpoint.secret,
                        endpoint.previousSecret, endpoint.previousSecretUntil));
            }
        }
        return deliveries;
    }

    private List<Delivery> persisted(List<Delivery> deliveries, List<WebhookClaim> claims) {
        deliveries.forEach(d -> d.persist());
        Set<Channel> sendable = deliveries.stream().filter(d -> d.nextAttemptAt != null).map(d -> d.channel)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Channel.class)));
        if (!sendable.isEmpty()) {
            created.fire(new DeliveriesCreated(sendable, claims));
        }
        List<UUID> inbox = deliveries.stream().filter(d -> d.channel == Channel.INBOX && d.deliveredAt != null)
                .map(d -> d.id).toList();
        if (!inbox.isEmpty()) {
            inboxItems.fire(new InboxItemsCreated(inbox));
        }
        return deliveries;
    }

    String body(WebhookPayload payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Webhook payload not serialisable", e);
        }
    }
}
