package io.consilium.notification.service;

import io.agroal.api.AgroalDataSource;
import io.consilium.notification.config.ContactSettings;
import io.consilium.notification.config.EmailSettings;
import io.consilium.notification.domain.CaseFile;
import io.consilium.notification.domain.Channel;
import io.consilium.notification.domain.Delivery;
import io.consilium.notification.domain.NotificationPreference;
import io.consilium.notification.domain.RecipientKind;
import io.consilium.notification.domain.SendingVerdict;
import io.consilium.notification.keycloak.Contact;
import io.consilium.notification.keycloak.ContactUnavailable;
import io.consilium.notification.keycloak.KeycloakContacts;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends e-mail deliveries after their commit: claims due rows (the same lease as webhooks, so a crash of this
 * service between the SMTP server's answer and the record costs at most one duplicate e-mail, with the same
 * {@value #DELIVERY_HEADER}; a restart of the database does not, as the record waits for it), resolves the address (Keycloak, cached; ops' address
 * from configuration), renders the message in the recipient's language and hands it to the SMTP server with a
 * timeout. The recipient's preferences are judged just before (e-mail off: skipped; quiet hours: a routine
 * message waits until they end, an urgent one goes). A failure (no answer from SMTP or Keycloak) is retried on the delivery's schedule; a person without an
 * address is a dead delivery at once, as retrying cannot help.
 */
@ApplicationScoped
public class EmailDispatcher {

    /** The header every e-mail carries with its delivery's id. */
    public static final String DELIVERY_HEADER = "Consilium-Delivery-Id";
    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class);
    /** Deliveries claimed per round (the {@code limit} of {@link #CLAIM}). */
    private static final int BATCH = 50;
    private static final String CLAIM = """
            with due as (
                select id from delivery
                where channel = 'EMAIL' and status in ('PENDING', 'RETRYING') and next_attempt_at <= ?
                order by next_attempt_at limit 50 for update skip locked)
            update delivery d set next_attempt_at = ? from due where d.id = due.id returning d.id""";

    private final AgroalDataSource dataSource;
    private final KeycloakContacts contacts;
    private final MessageRenderer renderer;
    private final ReactiveMailer mailer;
    private final DeliveryOutcomes outcomes;
    private final PersonalPreferences preferences;
    private final ContactSettings contactSettings;
    private final EmailSettings settings;
    private final Clock clock;
    // one SMTP conversation at a time is plenty for this volume, and keeps the order of a person's messages
    private final Rounds rounds = new Rounds("email-dispatch", () -> round() >= BATCH);
    // well inside the claim's lease (the send's timeout and a minute): a restart of PostgreSQL takes seconds
    private final UntilRecorded untilRecorded = new UntilRecorded(Duration.ofSeconds(30));

    EmailDispatcher(AgroalDataSource dataSource, KeycloakContacts contacts, MessageRenderer renderer, ReactiveMailer mailer,
                    DeliveryOutcomes outcomes, ContactSettings contactSettings, EmailSettings settings, Clock clock,
                    PersonalPreferences preferences) {
        this.preferences = preferences;
        this.dataSource = dataSource;
        this.contacts = contacts;
        this.renderer = renderer;
        this.mailer = mailer;
        this.outcomes = outcomes;
        this.contactSettings = contactSettings;
        this.settings = settings;
        this.clock = clock;
    }

    void stop(@Observes ShutdownEvent ignored) {
        rounds.stop();
    }

    void created(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesCreated created) {
        if (created.includes(Channel.EMAIL)) {
            wake();
        }
    }

    @Scheduled(every = "${consilium.email.poll-every:5s}", identity = "email-poll",
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
            LOG.warnf("Claiming due e-mail failed: %s", e.getMessage());
            return 0;
        }
        for (UUID id : ids) {
            try {
                send(id);
            } catch (RuntimeException e) {
                LOG.warnf("E-mail delivery %s could not be handled: %s", id, e.getMessage());
            }
        }
        return ids.size();
    }

    private List<UUID> claim() throws SQLException {
        Instant now = clock.instant();
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setTimestamp(2, Timestamp.from(now.plus(settings.sendTimeout()).plusSeconds(60)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /** The outcome of an attempt, written even through a restart of the database (see {@link UntilRecorded}). */
    private void record(UUID id, boolean sent, String error, boolean hopeless) {
        untilRecorded.run(() -> outcomes.recordEmail(id, sent, error, hopeless));
    }

    private void send(UUID id) {
        EmailJob job = QuarkusTransaction.requiringNew().call(() -> {
            Delivery d = Delivery.findById(id);
            if (d == null || !d.due(clock.instant().plusSeconds(3600))) {
                return null;
            }
            Optional<NotificationPreference> preference = preferences.of(d.recipientKind, d.recipient);
            SendingVerdict verdict = SendingVerdict.judge(preference, Channel.EMAIL, d.urgent, clock.instant());
            if (verdict.kind() == SendingVerdict.Kind.CHANNEL_OFF) {
                d.skip("e-mail turned off by the recipient");
                return null;
            }
            if (verdict.kind() == SendingVerdict.Kind.WAIT) {
                d.postpone(verdict.waitUntil());
                return null;
            }
            CaseFile file = d.caseId == null ? null : CaseFile.findById(d.caseId);
            return new EmailJob(d.id, d.eventType, d.caseId, d.recipientKind, d.recipient,
                    file == null ? null : file.language, d.payload, preference.map(p -> p.language).orElse(null));
        });
        if (job == null) {
            return;
        }
        Optional<Contact> contact;
        try {
            contact = job.recipientKind() == RecipientKind.OPS
                    ? Optional.of(new Contact(contactSettings.opsEmail(), "en"))
                    : contacts.contact(job.recipient());
        } catch (ContactUnavailable e) {
            record(id, false, e.getMessage(), false);
            return;
        }
        if (contact.isEmpty()) {
            record(id, false, "no e-mail address for the recipient", true);
            return;
        }
        // the person's own choice first; else a patient's is the case's, a doctor's or specialist's their account's
        String language = job.chosenLanguage() != null ? job.chosenLanguage()
                : job.recipientKind() == RecipientKind.PATIENT && job.caseLanguage() != null
                ? job.caseLanguage() : contact.get().locale();
        var message = renderer.render(job.eventType(), language, job.caseId(), job.slaStatus());
        if (message.isEmpty()) {
            record(id, false, "no template for " + job.eventType(), true);
            return;
        }
        var m = message.get();
        try {
            // the delivery's id names the mail without saying anything of the person: support traces a mail to
            // its delivery row by it, and the fault run counts a mail sent twice (a crash between the SMTP
            // server's answer and the row's update) by it
            mailer.send(Mail.withText(contact.get().email(), m.subject(), m.text()).setHtml(m.html())
                            .addHeader("Content-Language", m.language())
                            .addHeader(DELIVERY_HEADER, id.toString()))
                    .await().atMost(settings.sendTimeout());
        } catch (RuntimeException e) {
            record(id, false, "SMTP: " + e.getClass().getSimpleName(), false);
            return;
        }
        // outside the send's try: a record that failed is not the SMTP server's failure
        record(id, true, null, false);
    }
}
