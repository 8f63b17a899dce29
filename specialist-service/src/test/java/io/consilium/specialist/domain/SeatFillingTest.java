package io.consilium.specialist.domain;

import io.consilium.specialist.domain.SpecialistRankingTest.CandidateBuilder;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Seats filled each from its own ranking under the panel-wide country rule, and refills of one seat. */
class SeatFillingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static Candidate candidate(String specialty, String country, double turnaround) {
        return new CandidateBuilder().specialty(specialty).practiceCountry(country).licence(List.of(country))
                .turnaround(turnaround).build();
    }

    /** Ranks each seat from {@code directory} by the seat's specialty, as PanelAssembly does with its pool. */
    private static SeatFilling.SeatRanker ranker(PanelRequest panel, List<Candidate> directory, Set<UUID> invited) {
        return (seat, abroad, chosen) -> {
            Set<UUID> excluded = new HashSet<>(invited);
            excluded.addAll(chosen);
            return SpecialistRanking.rank(panel.toReviewRequest(seat, excluded, abroad),
                    directory.stream().filter(c -> c.specialty().equals(seat.specialty())).toList(), TODAY);
        };
    }

    private static PanelRequest panel(List<Seat> seats, String residence, int minOutside) {
        return PanelRequest.open(new PanelRequest.Terms(UUID.randomUUID(), "acme", seats.get(0).specialty(), null,
                null, "en", residence, null, seats, List.of(), List.of(), minOutside, null, null, null,
                java.time.Instant.now()), java.time.Instant.now());
    }

    @Test
    void mrLeesSeatsAreFilledOneFromEachSpecialty() {
        Candidate dermatologist = candidate("dermatology", "GB", 1);
        Candidate allergist = candidate("allergy-immunology", "GB", 2);
        Candidate fasterAllergistWrongSpecialty = candidate("immunology", "GB", 0);
        PanelRequest panel = panel(List.of(new Seat(1, "dermatology", "L50.0"), new Seat(2, "allergy-immunology", null)),
                "GB", 0);

        SeatFilling.Result result = SeatFilling.fill(panel.seats, List.of(), "GB", 0,
                ranker(panel, List.of(dermatologist, allergist, fasterAllergistWrongSpecialty), Set.of()));

        assertThat(result.unfilled()).isEmpty();
        assertThat(result.picks()).extracting(p -> p.seat().number() + ":" + p.ranked().candidate().id())
                .containsExactly("1:" + dermatologist.id(), "2:" + allergist.id());
    }

    @Test
    void ajsPanelKeepsTwoSeatsForSpecialistsOutsideSpainWhenTheBestAreSpanish() {
        String oo = "ophthalmic-oncology";
        Candidate madrid = candidate(oo, "ES", 0);
        Candidate barcelona = candidate(oo, "ES", 1);
        Candidate boston = candidate(oo, "US", 5);
        Candidate houston = candidate(oo, "US", 6);
        List<Seat> seats = PanelRequest.Terms.oneSpecialty(oo, null, 3);
        PanelRequest panel = panel(seats, "ES", 2);

        SeatFilling.Result result = SeatFilling.fill(seats, List.of(), "ES", 2,
                ranker(panel, List.of(madrid, barcelona, boston, houston), Set.of()));

        assertThat(result.picks()).extracting(p -> p.ranked().candidate().id())
                .containsExactly(madrid.id(), boston.id(), houston.id());
        assertThat(result.picks()).extracting(SeatFilling.Pick::outsideResidenceRequired)
                .as("seat 1 takes the best; seats 2 and 3 are what is left for the rule")
                .containsExactly(false, true, true);
    }

    @Test
    void aRefillFillsOnlyTheFreedSeatAndKeepsTheRuleForThePanelAsAWhole() {
        String oo = "ophthalmic-oncology";
        Candidate madrid = candidate(oo, "ES", 0);
        Candidate barcelona = candidate(oo, "ES", 1);
        Candidate boston = candidate(oo, "US", 5);
        Candidate houston = candidate(oo, "US", 6);
        Candidate seattle = candidate(oo, "US", 9);
        List<Seat> seats = PanelRequest.Terms.oneSpecialty(oo, null, 3);
        PanelRequest panel = panel(seats, "ES", 2);

        // Boston declined seat 2; Madrid (seat 1) and Houston (seat 3) hold theirs.
        List<SeatFilling.Held> held = List.of(new SeatFilling.Held(1, "ES"), new SeatFilling.Held(3, "US"));
        Set<UUID> invited = Set.of(madrid.id(), boston.id(), houston.id());
        SeatFilling.Result result = SeatFilling.fill(seats, held, "ES", 2,
                ranker(panel, List.of(madrid, barcelona, boston, houston, seattle), invited));

        assertThat(result.picks()).singleElement().satisfies(p -> {
            assertThat(p.seat().number()).isEqualTo(2);
            assertThat(p.ranked().candidate().id()).as("Barcelona ranks higher but the panel needs a second American")
                    .isEqualTo(seattle.id());
        });
    }

    @Test
    void aSeatNobodyCanTakeIsReportedWithItsReason() {
        Candidate dermatologist = candidate("dermatology", "ES", 1);
        List<Seat> seats = List.of(new Seat(1, "dermatology", null), new Seat(2, "allergy-immunology", null));
        PanelRequest panel = panel(seats, "ES", 0);
        SeatFilling.Result result = SeatFilling.fill(seats, List.of(), "ES", 0, ranker(panel, List.of(dermatologist), Set.of()));
        assertThat(result.picks()).extracting(p -> p.seat().number()).containsExactly(1);
        assertThat(result.unfilled()).singleElement().satisfies(u -> {
            assertThat(u.seat().number()).isEqualTo(2);
            assertThat(u.reason()).isEqualTo(SeatFilling.NO_ELIGIBLE);
        });

        PanelRequest abroad = panel(List.of(new Seat(1, "dermatology", null)), "ES", 1);
        assertThat(SeatFilling.fill(abroad.seats, List.of(), "ES", 1, ranker(abroad, List.of(dermatologist), Set.of()))
                .unfilled()).extracting(SeatFilling.Unfilled::reason).containsExactly(SeatFilling.NO_ELIGIBLE_OUTSIDE);
    }

    @Test
    void theRuleBindsASeatOnlyWhenTheFreeSeatsLeftAreNoMoreThanTheSpecialistsStillNeeded() {
        assertThat(SeatFilling.outsideRequired(2, 0, 3)).isFalse();
        assertThat(SeatFilling.outsideRequired(2, 0, 2)).isTrue();
        assertThat(SeatFilling.outsideRequired(2, 1, 2)).isFalse();
        assertThat(SeatFilling.outsideRequired(2, 2, 1)).isFalse();
        assertThat(SeatFilling.outsideRequired(0, 0, 1)).isFalse();
        assertThat(SeatFilling.free(PanelRequest.Terms.oneSpecialty("x", null, 3),
                List.of(new SeatFilling.Held(2, "US")))).extracting(Seat::number).containsExactly(1, 3);
    }
}
