package io.consilium.notification.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.consilium.notification.domain.WebhookEndpoint;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook endpoint; {@code secret} only in the answer that created or rotated it (shown once). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EndpointView(UUID id, String tenant, String url, String description, List<String> eventTypes,
                           boolean enabled, String disabledReason, Instant disabledAt, Instant failingSince, Instant previousSecretUntil,
                           Instant createdAt, long version,
                           @Schema(description = "Standard Webhooks signing secret; shown only now",
                                   examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {

    static EndpointView of(WebhookEndpoint e) {
        return of(e, null);
    }

    static EndpointView of(WebhookEndpoint e, String secret) {
        return new EndpointView(e.id, e.tenant, e.url, e.description, e.eventTypes(), e.enabled, e.disabledReason,
                e.disabledAt, e.failingSince, e.previousSecretUntil, e.createdAt, e.version, secret);
    }
}
