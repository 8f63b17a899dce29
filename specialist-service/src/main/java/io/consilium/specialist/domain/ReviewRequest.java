package io.consilium.specialist.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What a case asks of its panel, as far as matching is concerned (from {@code consilium.case.review-requested.v1}).
 *
 * @param allowedCountries countries the plan and consent allow for specialists; empty means any
 * @param alreadyInvited   specialists invited to this case before, whatever they answered: never invited twice
 * @param presentUntil     last day the specialist must be present (the case's due date); null: today only
 */
public record ReviewRequest(String specialty, String subspecialty, String diagnosisIcd10, String preferredLanguage,
                            String countryOfResidence, String treatingInstitution, int panelSize,
                            Set<String> allowedCountries, Set<UUID> alreadyInvited,
                            LocalDate presentUntil) {

    public ReviewRequest {
        Objects.requireNonNull(specialty, "specialty");
        allowedCountries = Set.copyOf(allowedCountries);
        alreadyInvited = Set.copyOf(alreadyInvited);
    }
}
