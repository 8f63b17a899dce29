package io.consilium.specialist.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PanelRequestTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static PanelRequest.Terms terms(int size, String... countries) {
        return new PanelRequest.Terms(UUID.randomUUID(), "acme", "dermatology", null, "L50.1", "es", "ES", null, size,
                List.of(countries), null, NOW);
    }

    @Test
    void aPanelOpensWithItsRequestsTerms() {
        PanelRequest panel = PanelRequest.open(terms(2, "DE", "ES"), NOW);
        assertThat(panel.state).isEqualTo(PanelState.OPEN);
        assertThat(panel.panelSize).isEqualTo(2);
        assertThat(panel.allowedCountries).containsExactly("DE", "ES");
        assertThat(panel.updatedAt).isEqualTo(NOW);
    }

    @Test
    void onlyAPanelShortOfCandidatesTakesNewTerms() {
        PanelRequest panel = PanelRequest.open(terms(3, "ES"), NOW);
        assertThatThrownBy(() -> panel.reopen(terms(2), NOW)).isInstanceOf(IllegalStateException.class);
        panel.shortBy(1);
        panel.reopen(terms(2, "US"), NOW.plusSeconds(60));
        assertThat(panel.panelSize).isEqualTo(2);
        assertThat(panel.allowedCountries).containsExactly("US");
        assertThat(panel.unfilledSeats).isZero();
        assertThat(panel.state).isEqualTo(PanelState.OPEN);
    }
}
