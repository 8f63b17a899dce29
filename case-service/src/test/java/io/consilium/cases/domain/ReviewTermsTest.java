package io.consilium.cases.domain;

import io.consilium.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewTermsTest {

    @Test
    void theCountriesAreThePlansNarrowedByTheConsent() {
        Plan plan = plan(2, "DE", "ES", "US");
        assertThat(ReviewTerms.allowedCountries(plan, 2, List.of(consent("DE", "FR")))).containsExactly("DE");
        assertThat(ReviewTerms.allowedCountries(plan, 1, List.of(consent()))).containsExactlyInAnyOrder("DE", "ES", "US");
    }

    @Test
    void aPanelLargerThanThePlanAllowsIsRefused() {
        assertThatThrownBy(() -> ReviewTerms.allowedCountries(plan(2), 3, List.of(consent())))
                .isInstanceOf(ProblemException.Unprocessable.class).hasMessageContaining("at most 2");
    }

    @Test
    void withoutPlanOrConsentNoReviewIsAsked() {
        assertThatThrownBy(() -> ReviewTerms.allowedCountries(null, 1, List.of(consent())))
                .isInstanceOf(ProblemException.Unprocessable.class);
        assertThatThrownBy(() -> ReviewTerms.allowedCountries(plan(3), 1, List.of()))
                .isInstanceOf(ProblemException.Conflict.class).hasMessageContaining("consented");
    }

    private static Plan plan(int maxPanelSize, String... countries) {
        Plan p = new Plan();
        p.maxPanelSize = maxPanelSize;
        p.allowedSpecialistCountries = new ArrayList<>(List.of(countries));
        return p;
    }

    private static Consent consent(String... countries) {
        Consent c = new Consent();
        c.purpose = ConsentPurpose.RECORDS_TO_SPECIALISTS;
        c.countries = new ArrayList<>(List.of(countries));
        return c;
    }
}
