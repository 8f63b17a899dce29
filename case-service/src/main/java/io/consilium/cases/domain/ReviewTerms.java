package io.consilium.cases.domain;

import io.consilium.platform.problem.ProblemException;

import java.util.List;

/**
 * What a review request must satisfy before specialists are asked: a plan to review under, a panel no larger than the
 * plan allows, and the patient's consent to share records with specialists. The countries specialists may come
 * from are the plan's narrowed by those consents.
 */
public final class ReviewTerms {

    private ReviewTerms() {
    }

    /**
     * @param plan            the case's plan, or null when it has none
     * @param recordConsents  the case's active RECORDS_TO_SPECIALISTS consents
     * @return the countries the panel's specialists may be licensed in (empty: any)
     */
    public static List<String> allowedCountries(Plan plan, int panelSize, List<Consent> recordConsents) {
        if (plan == null) {
            throw new ProblemException.Unprocessable("The case has no plan to review under");
        }
        if (panelSize > plan.maxPanelSize) {
            throw new ProblemException.Unprocessable("The plan allows panels of at most " + plan.maxPanelSize
                    + " specialist(s)");
        }
        if (recordConsents.isEmpty()) {
            throw new ProblemException.Conflict("The patient has not consented to share records with specialists");
        }
        return ReviewCountries.allowed(plan.allowedSpecialistCountries, recordConsents);
    }
}
