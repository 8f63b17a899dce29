package io.consilium.specialist.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PanelRequestTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static PanelRequest.Terms terms(int size, String... countries) {
        return terms(PanelRequest.Terms.oneSpecialty("dermatology", null, size), List.of(countries), List.of(), 0);
    }

    private static PanelRequest.Terms terms(List<Seat> seats, List<String> allowed, List<String> excluded, int minOutside) {
        return new PanelRequest.Terms(UUID.randomUUID(), "acme", seats.get(0).specialty(), "dermato-oncology", "L50.1",
                "es", "ES", null, seats, allowed, excluded, minOutside, 24, 72, null, NOW);
    }

    @Test
    void aPanelOpensWithItsRequestsTerms() {
        PanelRequest panel = PanelRequest.open(terms(2, "DE", "ES"), NOW);
        assertThat(panel.state).isEqualTo(PanelState.OPEN);
        assertThat(panel.panelSize).isEqualTo(2);
        assertThat(panel.seats).extracting(Seat::number).containsExactly(1, 2);
        assertThat(panel.seats).extracting(Seat::specialty).containsOnly("dermatology");
        assertThat(panel.allowedCountries).containsExactly("DE", "ES");
        assertThat(panel.acceptWithinHours).isEqualTo(24);
        assertThat(panel.reportWithinHours).isEqualTo(72);
        assertThat(panel.updatedAt).isEqualTo(NOW);
    }

    @Test
    void aPanelOfSeveralSpecialtiesRanksEachSeatForItsOwnSpecialtyAndFocus() {
        PanelRequest panel = PanelRequest.open(terms(List.of(new Seat(1, "dermatology", "L50.0"),
                new Seat(2, "allergy-immunology", "drug-allergy"), new Seat(3, "dermatology", null)),
                List.of(), List.of("FR"), 1), NOW);
        assertThat(panel.panelSize).isEqualTo(3);

        ReviewRequest first = panel.toReviewRequest(panel.seat(1), Set.of(), false);
        assertThat(first.specialty()).isEqualTo("dermatology");
        assertThat(first.diagnosisIcd10()).as("a code focus replaces the case's diagnosis").isEqualTo("L50.0");
        assertThat(first.subspecialty()).isEqualTo("dermato-oncology");

        ReviewRequest second = panel.toReviewRequest(panel.seat(2), Set.of(), true);
        assertThat(second.specialty()).isEqualTo("allergy-immunology");
        assertThat(second.subspecialty()).as("a slug focus replaces the subspecialty").isEqualTo("drug-allergy");
        assertThat(second.diagnosisIcd10()).isEqualTo("L50.1");
        assertThat(second.outsideResidenceRequired()).isTrue();
        assertThat(second.excludedCountries()).containsExactly("FR");

        ReviewRequest third = panel.toReviewRequest(panel.seat(3), Set.of(), false);
        assertThat(third.diagnosisIcd10()).isEqualTo("L50.1");
        assertThat(third.subspecialty()).isEqualTo("dermato-oncology");
    }

    @Test
    void onlyAPanelShortOfCandidatesTakesNewTerms() {
        PanelRequest panel = PanelRequest.open(terms(3, "ES"), NOW);
        assertThatThrownBy(() -> panel.reopen(terms(2), NOW)).isInstanceOf(IllegalStateException.class);
        panel.shortOf(List.of(3));
        assertThat(panel.unfilledSeats).isEqualTo(1);
        panel.reopen(terms(2, "US"), NOW.plusSeconds(60));
        assertThat(panel.panelSize).isEqualTo(2);
        assertThat(panel.allowedCountries).containsExactly("US");
        assertThat(panel.unfilledSeats).isZero();
        assertThat(panel.shortSeats).isEmpty();
        assertThat(panel.state).isEqualTo(PanelState.OPEN);
    }
}
