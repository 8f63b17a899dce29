package io.consilium.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A push registration token of one app installation, registered by the person signed in on it. A token is unique:
 * registering it again under another account moves it there (the device changed hands or accounts), so a device
 * never receives two people's messages.
 */
@Entity
@Table(name = "device_token")
public class DeviceToken extends PanacheEntityBase {

    /** What the app runs on (FCM serves all three). */
    public enum Platform { ANDROID, IOS, WEB }

    @Id
    public UUID id;
    @Column(nullable = false)
    public String subject;
    @Column(nullable = false)
    public String token;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Platform platform;
    public String description;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static DeviceToken register(String subject, String token, Platform platform, String description, Instant now) {
        DeviceToken d = new DeviceToken();
        d.id = UUID.randomUUID();
        d.subject = Objects.requireNonNull(subject);
        d.token = Objects.requireNonNull(token);
        d.platform = Objects.requireNonNull(platform);
        d.description = description;
        d.createdAt = now;
        return d;
    }

    /** Registered again, by whoever is signed in on the device now: theirs from now on, as a new registration. */
    public void registeredBy(String newSubject, Platform newPlatform, String newDescription, Instant now) {
        if (!newSubject.equals(subject)) {
            createdAt = now;
        }
        subject = newSubject;
        platform = newPlatform;
        description = newDescription;
    }

    /** The last characters, for people to tell their devices apart without the token itself being shown. */
    public String tokenEnd() {
        return token.substring(Math.max(0, token.length() - 6));
    }
}
