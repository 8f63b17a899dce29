package io.consilium.specialist.service;

import io.consilium.specialist.domain.ProviderKind;

/**
 * Optional filters of a provider search; null means "any".
 *
 * @param treatment a treatment code of the catalogue, or free text (matched against the catalogue's display names
 *                  and the providers' own treatment text)
 * @param network   a plan network the provider must belong to
 * @param latitude  with {@code longitude}: the patient's location; results are ranked nearest first
 */
public record ProviderFilter(String tenant, ProviderKind kind, String specialty, String country, String city,
                             String language, String treatment, String network, Double latitude, Double longitude) {

    public boolean near() {
        return latitude != null && longitude != null;
    }
}
