package io.consilium.specialist.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Exclusion rules, score parts and deterministic order of the ranking, without Quarkus. */
class SpecialistRankingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static ReviewRequest request() {
        return new ReviewRequest("urology", "uro-oncology", "C61", "es", "ES", "Hospital Central", 3,
                Set.of(), Set.of(), null);
    }

    private static CandidateBuilder specialist() {
        return new CandidateBuilder();
    }

    @Test
    void sameInstitutionAsTheTreatingDoctorIsAConflictOfInterest() {
        Candidate c = specialist().institution("  hospital   CENTRAL ").build();
        assertThat(SpecialistRanking.exclusion(request(), c, TODAY)).isEqualTo(Exclusion.CONFLICT_OF_INTEREST);
        assertThat(SpecialistRanking.exclusion(request(), specialist().institution("Hospital Norte").build(), TODAY)).isNull();
    }

    @Test
    void noTreatingInstitutionMeansNoConflict() {
        ReviewRequest r = new ReviewRequest("urology", null, "C61", "es", "ES", null, 1, Set.of(), Set.of(), null);
        assertThat(SpecialistRanking.exclusion(r, specialist().institution("Hospital Central").build(), TODAY)).isNull();
    }

    @Test
    void practiceCountryMustBeAllowedWhenTheRequestNamesCountries() {
        ReviewRequest r = new ReviewRequest("urology", null, "C61", "es", "ES", null, 1, Set.of("DE", "CH"), Set.of(), null);
        assertThat(SpecialistRanking.exclusion(r, specialist().practiceCountry("US").build(), TODAY))
                .isEqualTo(Exclusion.COUNTRY_NOT_ALLOWED);
        assertThat(SpecialistRanking.exclusion(r, specialist().practiceCountry("CH").build(), TODAY)).isNull();
        assertThat(SpecialistRanking.exclusion(request(), specialist().practiceCountry("US").build(), TODAY))
                .as("empty allowed countries = any").isNull();
    }

    @Test
    void anExcludedCountryIsNeverAllowedEvenWhenAnyCountryIs() {
        ReviewRequest r = new ReviewRequest("urology", null, "C61", "es", "ES", null, 1, Set.of(), Set.of(), null,
                Set.of("US"), false);
        assertThat(SpecialistRanking.exclusion(r, specialist().practiceCountry("US").build(), TODAY))
                .isEqualTo(Exclusion.COUNTRY_NOT_ALLOWED);
        assertThat(SpecialistRanking.exclusion(r, specialist().practiceCountry("DE").build(), TODAY)).isNull();
    }

    @Test
    void aSeatTheCountryRuleNeedsFromAbroadExcludesSpecialistsOfTheCountryOfResidence() {
        ReviewRequest abroad = new ReviewRequest("urology", null, "C61", "es", "ES", null, 2, Set.of(), Set.of(), null,
                Set.of(), true);
        assertThat(SpecialistRanking.exclusion(abroad, specialist().practiceCountry("ES").build(), TODAY))
                .isEqualTo(Exclusion.OUTSIDE_RESIDENCE_REQUIRED);
        assertThat(SpecialistRanking.exclusion(abroad, specialist().practiceCountry("US").build(), TODAY)).isNull();
        assertThat(SpecialistRanking.exclusion(request(), specialist().practiceCountry("ES").build(), TODAY))
                .as("a seat without the rule takes specialists of any country").isNull();
    }

    @Test
    void absentTodayIsExcludedButNotTheDayAfterTheAbsence() {
        Candidate away = specialist().absence(TODAY.minusDays(3), TODAY).build();
        assertThat(SpecialistRanking.exclusion(request(), away, TODAY)).isEqualTo(Exclusion.ABSENT);
        assertThat(SpecialistRanking.exclusion(request(), away, TODAY.plusDays(1))).isNull();
        Candidate later = specialist().absence(TODAY.plusDays(1), TODAY.plusDays(5)).build();
        assertThat(SpecialistRanking.exclusion(request(), later, TODAY)).isNull();
    }

    @Test
    void anAbsenceBeforeTheDueDateExcludesButOneAfterItDoesNot() {
        ReviewRequest due = new ReviewRequest("urology", null, "C61", "es", "ES", null, 1, Set.of(), Set.of(),
                TODAY.plusDays(10));
        Candidate leavingSoon = specialist().absence(TODAY.plusDays(4), TODAY.plusDays(20)).build();
        Candidate leavingLater = specialist().absence(TODAY.plusDays(11), TODAY.plusDays(20)).build();
        assertThat(SpecialistRanking.exclusion(due, leavingSoon, TODAY)).isEqualTo(Exclusion.ABSENT);
        assertThat(SpecialistRanking.exclusion(due, leavingLater, TODAY)).isNull();
    }

    @Test
    void noCapacityLeftIsExcluded() {
        assertThat(SpecialistRanking.exclusion(request(), specialist().capacity(4, 4).build(), TODAY))
                .isEqualTo(Exclusion.AT_CAPACITY);
        assertThat(SpecialistRanking.exclusion(request(), specialist().capacity(0, 0).build(), TODAY))
                .isEqualTo(Exclusion.AT_CAPACITY);
        assertThat(SpecialistRanking.exclusion(request(), specialist().capacity(4, 3).build(), TODAY)).isNull();
    }

    @Test
    void inactiveWithoutLoginOtherSpecialtyOrInvitedBeforeAreExcluded() {
        assertThat(SpecialistRanking.exclusion(request(), specialist().active(false).build(), TODAY))
                .isEqualTo(Exclusion.INACTIVE);
        assertThat(SpecialistRanking.exclusion(request(), specialist().subject(null).build(), TODAY))
                .isEqualTo(Exclusion.NO_ACCOUNT);
        assertThat(SpecialistRanking.exclusion(request(), specialist().specialty("cardiology").build(), TODAY))
                .isEqualTo(Exclusion.SPECIALTY_MISMATCH);
        Candidate invited = specialist().build();
        ReviewRequest again = new ReviewRequest("urology", null, "C61", "es", "ES", null, 1, Set.of(), Set.of(invited.id()), null);
        assertThat(SpecialistRanking.exclusion(again, invited, TODAY)).isEqualTo(Exclusion.ALREADY_INVITED);
    }

    @Test
    void everyApplicableRuleIsListedSoOverridesCannotHideAConflict() {
        Candidate c = specialist().specialty("cardiology").institution("Hospital Central").capacity(1, 1).build();
        assertThat(SpecialistRanking.exclusions(request(), c, TODAY)).containsExactly(
                Exclusion.SPECIALTY_MISMATCH, Exclusion.CONFLICT_OF_INTEREST, Exclusion.AT_CAPACITY);
        assertThat(SpecialistRanking.exclusion(request(), c, TODAY)).isEqualTo(Exclusion.SPECIALTY_MISMATCH);
    }

    @Test
    void excludedSpecialistsAreReportedWithTheirReasonAndNotRanked() {
        Candidate ok = specialist().build();
        Candidate conflicted = specialist().institution("Hospital Central").build();
        Ranking ranking = SpecialistRanking.rank(request(), List.of(ok, conflicted), TODAY);
        assertThat(ranking.ranked()).extracting(r -> r.candidate().id()).containsExactly(ok.id());
        assertThat(ranking.excluded()).singleElement()
                .satisfies(e -> {
                    assertThat(e.candidate().id()).isEqualTo(conflicted.id());
                    assertThat(e.reason()).isEqualTo(Exclusion.CONFLICT_OF_INTEREST);
                });
    }

    @Test
    void everyScorePartIsExplained() {
        Candidate perfect = specialist().capacity(10, 0).turnaround(0.0).build();
        ScoreParts s = SpecialistRanking.score(request(), perfect);
        assertThat(s).isEqualTo(new ScoreParts(20, 25, 15, 15, 15, 10));
        assertThat(s.total()).isEqualTo(100.0);

        Candidate weak = specialist().subspecialties(List.of()).conditions(List.of("N40")).languages(List.of("de"))
                .licence(List.of("DE")).capacity(10, 5).turnaround(15.0).build();
        ScoreParts w = SpecialistRanking.score(request(), weak);
        assertThat(w).isEqualTo(new ScoreParts(10, 0, 0, 7.5, 7.5, 0));
        assertThat(w.total()).isEqualTo(25.0);
    }

    @Test
    void conditionFitUsesRanges() {
        Candidate ranged = specialist().conditions(List.of("C60-C63")).build();
        Candidate other = specialist().conditions(List.of("C64-C68")).build();
        assertThat(SpecialistRanking.score(request(), ranged).condition()).isEqualTo(25);
        assertThat(SpecialistRanking.score(request(), other).condition()).isEqualTo(0);
    }

    @Test
    void betterFitRanksFirst() {
        Candidate speaksSpanish = specialist().languages(List.of("es", "en")).build();
        Candidate englishOnly = specialist().languages(List.of("en")).build();
        Candidate fullyBooked = specialist().languages(List.of("es")).capacity(10, 9).build();
        Ranking ranking = SpecialistRanking.rank(request(), List.of(englishOnly, fullyBooked, speaksSpanish), TODAY);
        assertThat(ranking.ranked()).extracting(r -> r.candidate().id())
                .containsExactly(speaksSpanish.id(), fullyBooked.id(), englishOnly.id());
    }

    @Test
    void equalScoresAreOrderedByIdWhateverTheInputOrder() {
        List<Candidate> same = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            same.add(specialist().build());
        }
        List<UUID> expected = same.stream().map(Candidate::id).sorted((a, b) -> a.toString().compareTo(b.toString())).toList();
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(same);
            assertThat(SpecialistRanking.rank(request(), same, TODAY).ranked())
                    .extracting(r -> r.candidate().id()).containsExactlyElementsOf(expected);
        }
    }

    /** A specialist who fits the default request perfectly except where a test says otherwise. */
    static final class CandidateBuilder {
        private String subject = "s-" + UUID.randomUUID();
        private String specialty = "urology";
        private List<String> subspecialties = List.of("uro-oncology");
        private List<String> conditions = List.of("C61");
        private List<String> languages = List.of("es");
        private List<String> licence = List.of("ES");
        private String practiceCountry = "DE";
        private String institution = "Charité Berlin";
        private int capacity = 10;
        private int load = 0;
        private final List<Absence> absences = new ArrayList<>();
        private Double turnaround = 0.0;
        private boolean active = true;

        CandidateBuilder subject(String v) { subject = v; return this; }
        CandidateBuilder specialty(String v) { specialty = v; return this; }
        CandidateBuilder subspecialties(List<String> v) { subspecialties = v; return this; }
        CandidateBuilder conditions(List<String> v) { conditions = v; return this; }
        CandidateBuilder languages(List<String> v) { languages = v; return this; }
        CandidateBuilder licence(List<String> v) { licence = v; return this; }
        CandidateBuilder practiceCountry(String v) { practiceCountry = v; return this; }
        CandidateBuilder institution(String v) { institution = v; return this; }
        CandidateBuilder capacity(int c, int l) { capacity = c; load = l; return this; }
        CandidateBuilder absence(LocalDate from, LocalDate to) { absences.add(new Absence(from, to)); return this; }
        CandidateBuilder turnaround(Double v) { turnaround = v; return this; }
        CandidateBuilder active(boolean v) { active = v; return this; }

        Candidate build() {
            return new Candidate(UUID.randomUUID(), subject, specialty, subspecialties, conditions, languages, licence,
                    practiceCountry, institution, capacity, load, absences, turnaround, active);
        }
    }
}
