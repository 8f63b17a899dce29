package io.consilium.cases.consumers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.consilium.cases.domain.NetworkProvider;
import io.consilium.platform.cloudevents.InvalidEvent;
import io.consilium.platform.consumer.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

/** Keeps the tenant of every in-network provider from specialist-service's provider-changed events. */
@ApplicationScoped
public class NetworkProviders {

    static final String PROVIDER_CHANGED = "consilium.specialist.provider-changed.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProviderChanged(@NotNull UUID providerId, @NotBlank String tenant, @NotNull Instant changedAt) {
    }

    public void apply(Delivery delivery) {
        ProviderChanged changed = delivery.payload(ProviderChanged.class);
        if (!changed.tenant().equals(delivery.event().tenant())) {
            throw new InvalidEvent("provider-changed " + delivery.event().id()
                    + " names a tenant other than its ce_tenant");
        }
        NetworkProvider known = NetworkProvider.findById(changed.providerId());
        if (known == null) {
            known = new NetworkProvider();
            known.id = changed.providerId();
            known.tenant = changed.tenant();
            known.changedAt = changed.changedAt();
            known.persist();
        } else if (changed.changedAt().isAfter(known.changedAt)) {
            // a replayed older event never undoes a newer change
            known.tenant = changed.tenant();
            known.changedAt = changed.changedAt();
        }
    }
}
