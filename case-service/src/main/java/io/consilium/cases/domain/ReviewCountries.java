package io.consilium.cases.domain;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where specialists may be found for a review: the plan's countries narrowed by what the patient consented to,
 * then by the review request's own country rules. An empty list means "any country" on either side. A request
 * can only narrow: it never reaches a country the plan or the consent leaves out.
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

    /**
     * The countries of a panel of {@code panelSize} seats: plan and consent, narrowed by {@code rules}. Rules that
     * contradict each other or cannot be met are refused (422) naming the field of the request at fault.
     */
    public static PanelCountries forPanel(List<String> planCountries, List<Consent> recordConsents, CountryRules rules,
                                          String countryOfResidence, int panelSize) {
        List<String> base = allowed(planCountries, recordConsents);
        List<Violation> violations = new ArrayList<>();
        List<String> beyond = rules.allowed().stream().filter(c -> !base.isEmpty() && !base.contains(c)).toList();
        if (!beyond.isEmpty()) {
            violations.add(new Violation("countryRules.allowed", "names " + beyond
                    + ", not allowed by the plan and the patient's consent " + base));
        }
        List<String> both = rules.allowed().stream().filter(rules.excluded()::contains).toList();
        if (!both.isEmpty()) {
            violations.add(new Violation("countryRules.excluded", "excludes " + both + ", which countryRules.allowed names"));
        }
        if (rules.minOutsideResidence() > panelSize) {
            violations.add(new Violation("countryRules.minOutsideResidence", "asks for " + rules.minOutsideResidence()
                    + " specialists outside " + countryOfResidence + " on a panel of " + panelSize));
        }
        if (violations.isEmpty()) {
            List<String> named = rules.allowed().isEmpty() ? base : rules.allowed();
            List<String> allowed = named.stream().distinct().filter(c -> !rules.excluded().contains(c)).toList();
            if (!named.isEmpty() && allowed.isEmpty()) {
                violations.add(new Violation("countryRules.excluded", "excludes every allowed country " + named));
            } else if (rules.minOutsideResidence() > 0 && !allowed.isEmpty()
                    && allowed.stream().allMatch(countryOfResidence::equals)) {
                violations.add(new Violation("countryRules.minOutsideResidence", "no allowed country " + allowed
                        + " is outside the patient's country of residence " + countryOfResidence));
            } else {
                return new PanelCountries(allowed, rules.excluded().stream().distinct().toList(),
                        rules.minOutsideResidence());
            }
        }
        throw new ProblemException.Unprocessable("The review request's country rules cannot be met", violations);
    }
}
