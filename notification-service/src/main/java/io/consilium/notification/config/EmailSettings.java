package io.consilium.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code consilium.email.*}: how e-mail deliveries are sent (the SMTP server itself is {@code quarkus.mailer.*}). */
@ConfigMapping(prefix = "consilium.email")
public interface EmailSettings {

    /** The longest wait for the SMTP server to take one message; then the attempt failed and is retried. */
    @WithDefault("PT10S")
    Duration sendTimeout();

    /** How often due e-mail (retries) is looked for ({@code off}: only when woken). */
    @WithDefault("5s")
    String pollEvery();

    /** Where the messages' links point: the patient's and doctors' app. */
    @WithDefault("http://127.0.0.1:8080")
    String appUrl();
}
