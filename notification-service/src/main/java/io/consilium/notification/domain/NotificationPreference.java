package io.consilium.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * One person's choices: e-mail and push on or off, the language of their messages, quiet hours. The in-app inbox
 * cannot be turned off: it is the record of what happened to the person's cases, and where a message on a channel
 * they turned off still reaches them. No row means the defaults ({@link #defaults(String)}).
 */
@Entity
@Table(name = "notification_preference")
public class NotificationPreference extends PanacheEntityBase {

    @Id
    public String subject;
    @Column(name = "email_enabled", nullable = false)
    public boolean emailEnabled;
    @Column(name = "push_enabled", nullable = false)
    public boolean pushEnabled;
    /** Overrides the case's and the account's language for this person's messages; null: those decide. */
    public String language;
    @Column(name = "quiet_start")
    public LocalTime quietStart;
    @Column(name = "quiet_end")
    public LocalTime quietEnd;
    @Column(name = "quiet_zone")
    public String quietZone;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    /** Every channel on, no language of their own, no quiet hours: what a person gets before choosing. */
    public static NotificationPreference defaults(String subject) {
        NotificationPreference p = new NotificationPreference();
        p.subject = Objects.requireNonNull(subject);
        p.emailEnabled = true;
        p.pushEnabled = true;
        return p;
    }

    /** Replaces every choice at once (the API's PUT); the language must be one messages are written in. */
    public void choose(boolean email, boolean push, String language, QuietHours quiet, Instant now) {
        if (language != null && !MessageTexts.LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("No messages in " + language);
        }
        this.emailEnabled = email;
        this.pushEnabled = push;
        this.language = language;
        this.quietStart = quiet == null ? null : quiet.start();
        this.quietEnd = quiet == null ? null : quiet.end();
        this.quietZone = quiet == null ? null : quiet.zone().getId();
        this.updatedAt = now;
    }

    public Optional<QuietHours> quietHours() {
        return quietStart == null ? Optional.empty()
                : Optional.of(new QuietHours(quietStart, quietEnd, ZoneId.of(quietZone)));
    }

    public boolean enabled(Channel channel) {
        return switch (channel) {
            case EMAIL -> emailEnabled;
            case PUSH -> pushEnabled;
            case INBOX -> true;
            case WEBHOOK -> throw new IllegalArgumentException("Webhooks go to partner systems, not to persons");
        };
    }
}
