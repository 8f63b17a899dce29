package io.consilium.cases.consumers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.consilium.cases.domain.NetworkProvider;
import io.consilium.platform.cloudevents.InvalidEvent;
import io.consilium.platform.consumer.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Keeps the tenant of every in-network provider from specialist-service's provider-changed events. */
@ApplicationScoped
public class NetworkProviders {

    static final String PROVIDER_CHANGED = "consilium.specialist.provider-changed.v1";

    /** {@code treatments} and {@code networks} came with issue 12: absent in older events, read as empty. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProviderChanged(@NotNull UUID providerId, @NotBlank String tenant, List<String> treatments,
                           List<String> networks, @NotNull Instant changedAt) {
        List<String> offered() {
            return treatments == null ? List.of() : treatments.stream().filter(java.util.Objects::nonNull).distinct().toList();
        }

        List<String> inNetworks() {
            return networks == null ? List.of() : networks.stream().filter(java.util.Objects::nonNull).distinct().toList();
        }
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
            known.treatments = new ArrayList<>(changed.offered());
            known.networks = new ArrayList<>(changed.inNetworks());
            known.persist();
        } else if (changed.changedAt().isAfter(known.changedAt)) {
            // a replayed older event never undoes a newer change
            known.tenant = changed.tenant();
            known.changedAt = changed.changedAt();
            known.treatments = new ArrayList<>(changed.offered());
            known.networks = new ArrayList<>(changed.inNetworks());
        }
    }
}
