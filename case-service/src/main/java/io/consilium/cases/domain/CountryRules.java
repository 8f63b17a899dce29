package io.consilium.cases.domain;

import java.util.List;

/**
 * The countries a review request asks for, on top of the plan and the consent: at least
 * {@code minOutsideResidence} specialists practising outside the patient's country of residence, and countries
 * named as allowed (empty: whatever plan and consent allow) or excluded.
 */
public record CountryRules(int minOutsideResidence, List<String> allowed, List<String> excluded) {

    public static final CountryRules NONE = new CountryRules(0, List.of(), List.of());

    public CountryRules {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
        excluded = excluded == null ? List.of() : List.copyOf(excluded);
    }
}
