package io.consilium.cases.domain;

import io.consilium.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where specialists may be found for a review: the plan's countries narrowed by what the patient consented to.
 * An empty list means "any country" on either side.
 */
public final class ReviewCountries {

    private ReviewCountries() {
    }

    public static List<String> allowed(List<String> planCountries, List<Consent> recordConsents) {
        // Several active consents widen each other: a country any of them allows is allowed.
        boolean consentAllowsAny = recordConsents.stream().anyMatch(c -> c.countries.isEmpty());
        Set<String> consented = new LinkedHashSet<>();
        recordConsents.forEach(c -> consented.addAll(c.countries));
        if (consentAllowsAny) {
            return List.copyOf(planCountries);
        }
        if (planCountries.isEmpty()) {
            return new ArrayList<>(consented);
        }
        List<String> both = planCountries.stream().filter(consented::contains).toList();
        if (both.isEmpty()) {
            throw new ProblemException.Unprocessable(
                    "No country is allowed both by the plan and by the patient's consent");
        }
        return both;
    }
}
