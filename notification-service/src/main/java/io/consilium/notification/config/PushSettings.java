package io.consilium.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** {@code consilium.push.*}: which push sender runs and how it reaches Firebase Cloud Messaging. */
@ConfigMapping(prefix = "consilium.push")
public interface PushSettings {

    /** {@code logging} (the default: writes what it would send to the log) or {@code fcm}. */
    @WithDefault("logging")
    String sender();

    /** The title of every push; the text is the event's short text in the person's language. */
    @WithDefault("Consilium")
    String title();

    /** How often due push deliveries (retries, the end of quiet hours) are looked for ({@code off}: only when woken). */
    @WithDefault("5s")
    String pollEvery();

    /** The longest wait for the provider's answer to one message; then the attempt failed and is retried. */
    @WithDefault("PT10S")
    Duration sendTimeout();

    /** Devices one person may register; an app registers one token per installation. */
    @WithDefault("20")
    int maxDevicesPerPerson();

    Fcm fcm();

    /** FCM HTTP v1: {@code POST <base-url>/v1/projects/<project-id>/messages:send} with an OAuth2 bearer token. */
    interface Fcm {

        @WithDefault("https://fcm.googleapis.com")
        String baseUrl();

        Optional<String> projectId();

        /**
         * A Google service account key file (JSON with {@code client_email}, {@code private_key}, {@code token_uri}):
         * the access token is obtained with its signed JWT (scope {@code firebase.messaging}) and cached until
         * shortly before it expires.
         */
        Optional<String> credentialsFile();

        /** A fixed access token instead of the service account (tests, a token minted elsewhere). */
        Optional<String> staticToken();
    }
}
