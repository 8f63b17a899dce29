package io.consilium.notification.service;

import io.agroal.api.AgroalDataSource;
import io.consilium.notification.config.PushSettings;
import io.consilium.notification.domain.CaseFile;
import io.consilium.notification.domain.Channel;
import io.consilium.notification.domain.Delivery;
import io.consilium.notification.domain.DeviceToken;
import io.consilium.notification.domain.NotificationPreference;
import io.consilium.notification.domain.RecipientKind;
import io.consilium.notification.domain.SendingVerdict;
import io.consilium.notification.keycloak.Contact;
import io.consilium.notification.keycloak.ContactUnavailable;
import io.consilium.notification.keycloak.KeycloakContacts;
import io.consilium.notification.push.PushMessage;
import io.consilium.notification.push.PushResult;
import io.consilium.notification.push.PushSender;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends push deliveries after their commit, as the e-mail dispatcher does e-mail: claims due rows with a lease (a
 * crash between sending and recording costs at most one duplicate push), judges the recipient's preferences (push
 * off: skipped; quiet hours: a routine message waits), and sends the event's short text, in the person's language,
 * to each of their devices. A person without a device is skipped, not failed: there is nobody to reach. A token the
 * provider reports gone is dropped; the delivery is delivered when one device took it, retried on the schedule
 * when none did and one may later, dead when the provider refused the message itself.
 */
@ApplicationScoped
public class PushDispatcher {

    private static final Logger LOG = Logger.getLogger(PushDispatcher.class);
    private static final int BATCH = 50;
    private static final String CLAIM = """
            with due as (
                select id from delivery
                where channel = 'PUSH' and status in ('PENDING', 'RETRYING') and next_attempt_at <= ?
                order by next_attempt_at limit 50 for update skip locked)
            update delivery d set next_attempt_at = ? from due where d.id = due.id returning d.id""";

    /** What sending one push delivery needs, read in the claiming transaction. */
    private record PushJob(UUID deliveryId, String eventType, UUID caseId, RecipientKind recipientKind,
                           String recipient, String language, String slaStatus, List<DeviceToken> devices) {
    }

    private final AgroalDataSource dataSource;
    private final PushSender sender;
    private final PushDevices devices;
    private final PersonalPreferences preferences;
    private final KeycloakContacts contacts;
    private final MessageRenderer renderer;
    private final DeliveryOutcomes outcomes;
    private final PushSettings settings;
    private final Clock clock;
    // one push at a time keeps the order of a person's messages; FCM answers in milliseconds
    private final Rounds rounds = new Rounds("push-dispatch", () -> round() >= BATCH);

    PushDispatcher(AgroalDataSource dataSource, PushSender sender, PushDevices devices, PersonalPreferences preferences,
                   KeycloakContacts contacts, MessageRenderer renderer, DeliveryOutcomes outcomes,
                   PushSettings settings, Clock clock) {
        this.dataSource = dataSource;
        this.sender = sender;
        this.devices = devices;
        this.preferences = preferences;
        this.contacts = contacts;
        this.renderer = renderer;
        this.outcomes = outcomes;
        this.settings = settings;
        this.clock = clock;
    }

    void stop(@Observes ShutdownEvent ignored) {
        rounds.stop();
    }

    void created(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesCreated created) {
        if (created.includes(Channel.PUSH)) {
            wake();
        }
    }

    @Scheduled(every = "${consilium.push.poll-every:5s}", identity = "push-poll",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    public void wake() {
        rounds.wake();
    }

    /** For tests with a moved clock: one round now, on the caller's thread. */
    public int pollNow() {
        return round();
    }

    private int round() {
        List<UUID> ids;
        try {
            ids = claim();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Claiming due push deliveries failed: %s", e.getMessage());
            return 0;
        }
        for (UUID id : ids) {
            try {
                send(id);
            } catch (RuntimeException e) {
                LOG.warnf("Push delivery %s could not be handled: %s", id, e.getMessage());
            }
        }
        return ids.size();
    }

    private List<UUID> claim() throws SQLException {
        Instant now = clock.instant();
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setTimestamp(2, Timestamp.from(now.plus(settings.sendTimeout().multipliedBy(3)).plusSeconds(60)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private void send(UUID id) {
        PushJob job = QuarkusTransaction.requiringNew().call(() -> prepare(id));
        if (job == null) {
            return;
        }
        String language = job.language() != null ? job.language() : accountLanguage(job);
        var rendered = renderer.render(job.eventType(), language, job.caseId(), job.slaStatus());
        if (rendered.isEmpty()) {
            outcomes.recordEmail(id, false, "no template for " + job.eventType(), true);
            return;
        }
        Map<String, String> data = Map.of("notificationId", id.toString(), "eventType", job.eventType(),
                "caseId", job.caseId() == null ? "" : job.caseId().toString());
        List<DeviceToken> gone = new ArrayList<>();
        List<PushResult> results = new ArrayList<>();
        for (DeviceToken device : job.devices()) {
            PushResult result = sender.send(new PushMessage(device.token, settings.title(),
                    rendered.get().shortText(), data));
            results.add(result);
            if (result.outcome() == PushResult.Outcome.TOKEN_GONE) {
                gone.add(device);
            }
        }
        record(id, results, gone);
    }

    private PushJob prepare(UUID id) {
        Delivery d = Delivery.findById(id);
        if (d == null || !d.due(clock.instant().plusSeconds(3600))) {
            return null;
        }
        Optional<NotificationPreference> preference = preferences.of(d.recipientKind, d.recipient);
        SendingVerdict verdict = SendingVerdict.judge(preference, Channel.PUSH, d.urgent, clock.instant());
        if (verdict.kind() == SendingVerdict.Kind.CHANNEL_OFF) {
            d.skip("push turned off by the recipient");
            return null;
        }
        if (verdict.kind() == SendingVerdict.Kind.WAIT) {
            d.postpone(verdict.waitUntil());
            return null;
        }
        List<DeviceToken> tokens = d.recipientKind == RecipientKind.OPS ? List.of() : devices.of(d.recipient);
        if (tokens.isEmpty()) {
            d.skip("no device registered");
            return null;
        }
        String language = preference.map(p -> p.language).orElse(null);
        if (language == null && d.recipientKind == RecipientKind.PATIENT && d.caseId != null) {
            CaseFile file = CaseFile.findById(d.caseId);
            language = file == null ? null : file.language;
        }
        return new PushJob(d.id, d.eventType, d.caseId, d.recipientKind, d.recipient, language, d.payload, tokens);
    }

    /** A doctor's or specialist's language is their account's; a push does not wait for Keycloak: else English. */
    private String accountLanguage(PushJob job) {
        try {
            return contacts.contact(job.recipient()).map(Contact::locale).orElse(null);
        } catch (ContactUnavailable e) {
            return null;
        }
    }

    private void record(UUID id, List<PushResult> results, List<DeviceToken> gone) {
        if (!gone.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> devices.drop(gone));
        }
        boolean sent = results.stream().anyMatch(r -> r.outcome() == PushResult.Outcome.SENT);
        Optional<PushResult> retry = results.stream().filter(r -> r.outcome() == PushResult.Outcome.RETRY).findFirst();
        Optional<PushResult> rejected = results.stream().filter(r -> r.outcome() == PushResult.Outcome.REJECTED).findFirst();
        // recordEmail records any person's channel (the delivery names its own): delivered, retried, dead, events
        if (sent) {
            outcomes.recordEmail(id, true, null, false);
        } else if (retry.isPresent()) {
            outcomes.recordEmail(id, false, retry.get().detail(), false);
        } else if (rejected.isPresent()) {
            outcomes.recordEmail(id, false, rejected.get().detail(), true);
        } else {
            QuarkusTransaction.requiringNew().run(() -> {
                Delivery d = Delivery.findById(id);
                if (d != null && d.due(clock.instant().plusSeconds(3600))) {
                    d.skip("every device unregistered");
                }
            });
        }
    }
}
