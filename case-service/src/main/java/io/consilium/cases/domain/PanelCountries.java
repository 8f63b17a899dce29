package io.consilium.cases.domain;

import java.util.List;

/**
 * Where a panel's specialists may practise, all sources combined: {@code allowed} (empty: any country) minus
 * {@code excluded}, with at least {@code minOutsideResidence} of them outside the patient's country.
 */
public record PanelCountries(List<String> allowed, List<String> excluded, int minOutsideResidence) {

    public PanelCountries {
        allowed = List.copyOf(allowed);
        excluded = List.copyOf(excluded);
    }
}
