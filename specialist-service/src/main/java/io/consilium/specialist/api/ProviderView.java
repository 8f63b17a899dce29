package io.consilium.specialist.api;

import io.consilium.specialist.domain.Provider;
import io.consilium.specialist.domain.ProviderKind;

import java.util.List;
import java.util.UUID;

public record ProviderView(UUID id, String tenant, ProviderKind kind, String name, String specialty, String city,
                           String country, List<String> languages, long version) {

    public static ProviderView of(Provider p) {
        return new ProviderView(p.id, p.tenant, p.kind, p.name, p.specialty, p.city, p.country, p.languages, p.version);
    }
}
