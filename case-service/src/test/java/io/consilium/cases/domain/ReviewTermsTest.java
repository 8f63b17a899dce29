package io.consilium.cases.domain;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.problem.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewTermsTest {

    private static final ReviewSeat UROLOGY = new ReviewSeat("urology", null);
    private static final ReviewSeat DERMATOLOGY = new ReviewSeat("dermatology", "L50.0");
    private static final ReviewSeat ALLERGY = new ReviewSeat("allergy-immunology", null);

    private static ReviewTerms.Review check(Plan plan, List<ReviewSeat> seats, CountryRules rules, Consent... consents) {
        return ReviewTerms.check(plan, seats, true, rules, List.of(consents), "ES", Urgency.ROUTINE);
    }

    @Test
    void theCountriesAreThePlansNarrowedByTheConsent() {
        Plan plan = plan(2, "DE", "ES", "US");
        assertThat(check(plan, List.of(UROLOGY), CountryRules.NONE, consent("DE", "FR")).countries().allowed())
                .containsExactly("DE");
        assertThat(check(plan, List.of(UROLOGY), CountryRules.NONE, consent()).countries().allowed())
                .containsExactlyInAnyOrder("DE", "ES", "US");
    }

    @Test
    void aPanelLargerThanThePlanAllowsIsRefusedNamingTheSeats() {
        assertViolation(() -> check(plan(2), List.of(UROLOGY, UROLOGY, UROLOGY), CountryRules.NONE, consent()), "seats");
        assertViolation(() -> ReviewTerms.check(plan(2), List.of(UROLOGY, UROLOGY, UROLOGY), false, CountryRules.NONE,
                List.of(consent()), "ES", Urgency.ROUTINE), "panelSize");
    }

    @Test
    void seatsOfSeveralSpecialtiesNeedEachCoveredByThePlan() {
        Plan plan = plan(3);
        ReviewTerms.Review mrLee = check(plan, List.of(DERMATOLOGY, ALLERGY), CountryRules.NONE, consent());
        assertThat(mrLee.seats()).extracting(ReviewSeat::specialty).containsExactly("dermatology", "allergy-immunology");

        plan.coveredSpecialties = new ArrayList<>(List.of("dermatology", "urology"));
        assertViolation(() -> check(plan, List.of(DERMATOLOGY, ALLERGY), CountryRules.NONE, consent()), "seats[1].specialty");
    }

    @Test
    void withoutPlanOrConsentNoReviewIsAsked() {
        assertThatThrownBy(() -> check(null, List.of(UROLOGY), CountryRules.NONE, consent()))
                .isInstanceOf(ProblemException.Unprocessable.class);
        assertThatThrownBy(() -> check(plan(3), List.of(UROLOGY), CountryRules.NONE))
                .isInstanceOf(ProblemException.Conflict.class).hasMessageContaining("consented");
    }

    @Test
    void namedCountriesNarrowThePlanAndConsentButNeverWidenThem() {
        Plan plan = plan(3, "DE", "ES", "US");
        CountryRules usAndSpain = new CountryRules(2, List.of("US", "ES"), List.of());
        PanelCountries aj = check(plan, List.of(UROLOGY, UROLOGY, UROLOGY), usAndSpain, consent()).countries();
        assertThat(aj.allowed()).containsExactly("US", "ES");
        assertThat(aj.minOutsideResidence()).isEqualTo(2);

        assertViolation(() -> check(plan, List.of(UROLOGY), new CountryRules(0, List.of("FR"), List.of()), consent()),
                "countryRules.allowed");
        assertViolation(() -> check(plan, List.of(UROLOGY), new CountryRules(0, List.of("US"), List.of()), consent("DE", "ES")),
                "countryRules.allowed");
    }

    @Test
    void excludedCountriesAreTakenOutOfTheAllowedOnes() {
        PanelCountries countries = check(plan(3, "DE", "ES", "US"), List.of(UROLOGY),
                new CountryRules(0, List.of(), List.of("US")), consent()).countries();
        assertThat(countries.allowed()).containsExactly("DE", "ES");
        assertThat(countries.excluded()).containsExactly("US");

        PanelCountries anyButFrance = check(plan(3), List.of(UROLOGY), new CountryRules(0, List.of(), List.of("FR")),
                consent()).countries();
        assertThat(anyButFrance.allowed()).as("any country").isEmpty();
        assertThat(anyButFrance.excluded()).containsExactly("FR");
    }

    @Test
    void contradictoryOrImpossibleCountryRulesAreRefusedNamingTheField() {
        Plan plan = plan(3, "DE", "ES", "US");
        assertViolation(() -> check(plan, List.of(UROLOGY), new CountryRules(0, List.of("US"), List.of("US")), consent()),
                "countryRules.excluded");
        assertViolation(() -> check(plan, List.of(UROLOGY), new CountryRules(0, List.of(), List.of("DE", "ES", "US")), consent()),
                "countryRules.excluded");
        assertViolation(() -> check(plan, List.of(UROLOGY, UROLOGY), new CountryRules(3, List.of(), List.of()), consent()),
                "countryRules.minOutsideResidence");
        assertViolation(() -> check(plan, List.of(UROLOGY), new CountryRules(1, List.of("ES"), List.of()), consent()),
                "countryRules.minOutsideResidence");
        assertViolation(() -> check(plan(3), List.of(UROLOGY), new CountryRules(1, List.of(), List.of()), consent("ES")),
                "countryRules.minOutsideResidence");
    }

    @Test
    void theDeadlinesAreThePlansForTheCasesUrgency() {
        Plan plan = plan(3);
        plan.urgentAcceptHours = 12;
        plan.urgentReportHours = 48;
        assertThat(ReviewTerms.check(plan, List.of(UROLOGY), true, CountryRules.NONE, List.of(consent()), "ES",
                Urgency.URGENT).deadlines()).isEqualTo(new ReviewDeadlines(12, 48));
        assertThat(check(plan, List.of(UROLOGY), CountryRules.NONE, consent()).deadlines())
                .isEqualTo(new ReviewDeadlines(48, 168));
    }

    @Test
    void anUrgentLaneSlowerThanTheRoutineOneIsRefused() {
        assertViolation(() -> ReviewDeadlines.checkLanes(new ReviewDeadlines(72, 72), new ReviewDeadlines(48, 168)),
                "deadlines.urgent.acceptWithinHours");
        assertViolation(() -> ReviewDeadlines.checkLanes(new ReviewDeadlines(24, 200), new ReviewDeadlines(48, 168)),
                "deadlines.urgent.reportWithinHours");
    }

    @Test
    void seatsAreNamedOrMadeOfOneSpecialtyAndAPanelSize() {
        assertThat(ReviewSeat.requested(null, null, 2, "urology")).containsExactly(UROLOGY, UROLOGY);
        assertThat(ReviewSeat.requested(List.of(DERMATOLOGY, ALLERGY), null, 2, "urology")).containsExactly(DERMATOLOGY, ALLERGY);
        assertViolation(() -> ReviewSeat.requested(null, null, null, "urology"), "panelSize");
        assertViolation(() -> ReviewSeat.requested(List.of(DERMATOLOGY), null, 2, "urology"), "panelSize");
        assertViolation(() -> ReviewSeat.requested(List.of(DERMATOLOGY), "dermatology", null, "urology"), "specialty");
    }

    private static void assertViolation(Executable call, String field) {
        assertThatThrownBy(call::execute).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).violations()).extracting(Violation::field).contains(field));
    }

    private static Plan plan(int maxPanelSize, String... countries) {
        Plan p = new Plan();
        p.maxPanelSize = maxPanelSize;
        p.coveredSpecialties = new ArrayList<>(List.of("urology", "dermatology", "allergy-immunology"));
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
