package io.consilium.specialist.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What one seat of a case's panel asks of its specialist, as far as matching is concerned (from
 * {@code consilium.case.review-requested.v1}).
 *
 * @param allowedCountries          countries the plan, consent and request allow for specialists; empty means any
 * @param alreadyInvited            specialists invited to this case before, whatever they answered: never invited twice
 * @param presentUntil              last day the specialist must be present (the case's due date); null: today only
 * @param excludedCountries         countries the request rules out, whatever {@code allowedCountries} says
 * @param outsideResidenceRequired  the panel's country rule needs this seat filled by a specialist practising
 *                                  outside {@code countryOfResidence}
 */
public record ReviewRequest(String specialty, String subspecialty, String diagnosisIcd10, String preferredLanguage,
                            String countryOfResidence, String treatingInstitution, int panelSize,
                            Set<String> allowedCountries, Set<UUID> alreadyInvited,
                            LocalDate presentUntil, Set<String> excludedCountries, boolean outsideResidenceRequired) {

    public ReviewRequest {
        Objects.requireNonNull(specialty, "specialty");
        allowedCountries = Set.copyOf(allowedCountries);
        alreadyInvited = Set.copyOf(alreadyInvited);
        excludedCountries = excludedCountries == null ? Set.of() : Set.copyOf(excludedCountries);
    }

    /** A request without country rules beyond the allowed countries. */
    public ReviewRequest(String specialty, String subspecialty, String diagnosisIcd10, String preferredLanguage,
                         String countryOfResidence, String treatingInstitution, int panelSize,
                         Set<String> allowedCountries, Set<UUID> alreadyInvited, LocalDate presentUntil) {
        this(specialty, subspecialty, diagnosisIcd10, preferredLanguage, countryOfResidence, treatingInstitution,
                panelSize, allowedCountries, alreadyInvited, presentUntil, Set.of(), false);
    }

    public boolean allowsCountry(String country) {
        return (allowedCountries.isEmpty() || allowedCountries.contains(country)) && !excludedCountries.contains(country);
    }
}
