package io.consilium.notification.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code consilium.notification.endpoint-disabled.v1}: a partner's webhook endpoint stopped receiving deliveries,
 * because every delivery failed for {@code consilium.webhooks.disable-after} ({@code failingSince} set) or because
 * someone disabled it ({@code reason} says who). About an endpoint, not a case: the subject is the endpoint's id.
 * Carries no URL: the partner knows its endpoints by id, and a URL may hold a token.
 */
public record EndpointDisabled(UUID endpointId, String tenant, String reason, Instant failingSince, Instant disabledAt) {
}
