package io.consilium.specialist.service;

import io.consilium.specialist.domain.ProviderKind;

/** Optional filters of a provider search; null means "any". */
public record ProviderFilter(String tenant, ProviderKind kind, String specialty, String country, String city,
                             String language) {
}
