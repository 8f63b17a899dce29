package io.consilium.specialist.events;

import io.consilium.specialist.domain.Provider;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code consilium.specialist.provider-changed.v1}: an in-network provider was added or replaced. Lets other
 * services check a provider id a request names against the provider's tenant, and what it offers (case-service's
 * follow-up outcomes), without calling this service. Subject and key are the provider id; no case is involved.
 * {@code treatments} (catalogue codes) and {@code networks} were added in issue 12; consumers treat them as empty
 * when absent (older events).
 */
public record ProviderChanged(UUID providerId, String tenant, String kind, String specialty, String country,
                              List<String> treatments, List<String> networks, Instant changedAt) {

    public static ProviderChanged of(Provider p) {
        return new ProviderChanged(p.id, p.tenant, p.kind.name(), p.specialty, p.country, List.copyOf(p.treatments),
                List.copyOf(p.networks), p.updatedAt);
    }
}
