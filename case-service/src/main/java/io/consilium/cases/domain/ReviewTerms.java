package io.consilium.cases.domain;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * What a review request must satisfy before specialists are asked: a plan to review under, seats the plan covers
 * and no more than its panel size, the patient's consent to share records with specialists, and country rules
 * that can be met. The countries are the plan's narrowed by the consent and then by the request; the deadlines
 * are the plan's for the case's urgency.
 */
public final class ReviewTerms {

    /** What specialist-service is asked for. */
    public record Review(List<ReviewSeat> seats, PanelCountries countries, ReviewDeadlines deadlines) {
        public Review {
            seats = List.copyOf(seats);
        }
    }

    private ReviewTerms() {
    }

    /**
     * @param plan           the case's plan, or null when it has none
     * @param seatsNamed     whether the request named its seats (violations then point at {@code seats[i]}),
     *                       or gave a specialty and a panel size
     * @param recordConsents the case's active RECORDS_TO_SPECIALISTS consents
     */
    public static Review check(Plan plan, List<ReviewSeat> seats, boolean seatsNamed, CountryRules rules,
                               List<Consent> recordConsents, String countryOfResidence, Urgency urgency) {
        if (plan == null) {
            throw new ProblemException.Unprocessable("The case has no plan to review under");
        }
        if (seats.size() > plan.maxPanelSize) {
            throw new ProblemException.Unprocessable("The plan allows panels of at most " + plan.maxPanelSize
                    + " specialist(s)", List.of(new Violation(seatsNamed ? "seats" : "panelSize",
                    "must be at most " + plan.maxPanelSize + " (the plan's panel size)")));
        }
        List<Violation> uncovered = new ArrayList<>();
        for (int i = 0; i < seats.size(); i++) {
            if (!plan.covers(seats.get(i).specialty())) {
                uncovered.add(new Violation(seatsNamed ? "seats[" + i + "].specialty" : "specialty",
                        "'" + seats.get(i).specialty() + "' is not covered by the plan " + plan.coveredSpecialties));
            }
        }
        if (!uncovered.isEmpty()) {
            throw new ProblemException.Unprocessable("The plan does not cover every seat's specialty", uncovered);
        }
        if (recordConsents.isEmpty()) {
            throw new ProblemException.Conflict("The patient has not consented to share records with specialists");
        }
        PanelCountries countries = ReviewCountries.forPanel(plan.allowedSpecialistCountries, recordConsents, rules,
                countryOfResidence, seats.size());
        return new Review(seats, countries, plan.deadlinesFor(urgency));
    }
}
