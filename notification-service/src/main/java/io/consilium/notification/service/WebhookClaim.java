package io.consilium.notification.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A webhook delivery taken for one attempt, with what signing and sending it needs. */
record WebhookClaim(UUID deliveryId, UUID endpointId, String url, String payload, String secret,
                    String previousSecret, Instant previousSecretUntil) {

    List<String> secrets(Instant now) {
        List<String> secrets = new ArrayList<>();
        secrets.add(secret);
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }
}
