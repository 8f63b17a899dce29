package io.consilium.specialist.api;

import io.consilium.specialist.domain.Provider;
import io.consilium.specialist.domain.ProviderKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * An in-network provider. {@code distanceKm} is set in a search that gave the patient's coordinates, for providers
 * whose own coordinates are known.
 */
public record ProviderView(UUID id, String tenant, ProviderKind kind, String name, String specialty, String city,
                           String country, List<String> languages,
                           @Schema(examples = "[\"PLAQUE_BRACHYTHERAPY\", \"ENUCLEATION\"]") List<String> treatments,
                           @Schema(examples = "Ocular oncology unit: plaque brachytherapy, proton therapy referrals")
                           String treatmentsText,
                           @Schema(examples = "[\"acme-premium\"]") List<String> networks,
                           Double latitude, Double longitude,
                           @Schema(examples = "4.2") Double distanceKm, long version) {

    public static ProviderView of(Provider p) {
        return of(p, null);
    }

    public static ProviderView of(Provider p, Double distanceKm) {
        return new ProviderView(p.id, p.tenant, p.kind, p.name, p.specialty, p.city, p.country, p.languages,
                p.treatments, p.treatmentsText, p.networks, p.latitude, p.longitude,
                distanceKm == null ? null : Math.round(distanceKm * 10) / 10.0, p.version);
    }
}
