package io.consilium.notification.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.notification.config.PushSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/** The push sender this instance runs, by {@code consilium.push.sender}; a misconfigured FCM fails the start. */
public class PushSenders {

    @Produces
    @ApplicationScoped
    PushSender sender(PushSettings settings, ObjectMapper json, Clock clock) {
        return switch (settings.sender().trim().toLowerCase(Locale.ROOT)) {
            case "logging" -> new LoggingPushSender();
            case "fcm" -> fcm(settings, json, clock);
            default -> throw new IllegalStateException("consilium.push.sender is logging or fcm, not " + settings.sender());
        };
    }

    private static PushSender fcm(PushSettings settings, ObjectMapper json, Clock clock) {
        PushSettings.Fcm fcm = settings.fcm();
        String project = fcm.projectId().orElseThrow(() ->
                new IllegalStateException("consilium.push.fcm.project-id is needed for the fcm sender"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        AccessTokens tokens;
        if (fcm.staticToken().isPresent()) {
            tokens = AccessTokens.fixed(fcm.staticToken().get());
        } else {
            String file = fcm.credentialsFile().orElseThrow(() -> new IllegalStateException(
                    "consilium.push.fcm.credentials-file (a service account key) or static-token is needed"));
            try {
                tokens = ServiceAccountTokens.fromKeyFile(Files.readString(Path.of(file)), http, clock,
                        settings.sendTimeout(), json);
            } catch (IOException e) {
                throw new UncheckedIOException("The FCM service account key file cannot be read", e);
            }
        }
        return new FcmPushSender(http, fcm.baseUrl(), project, tokens, settings.sendTimeout(), json);
    }
}
