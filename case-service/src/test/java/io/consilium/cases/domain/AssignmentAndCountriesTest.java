package io.consilium.cases.domain;

import io.consilium.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssignmentAndCountriesTest {

    @Test
    void leastLoadedDoctorWhoSpeaksTheLanguageWithRoomIsPicked() {
        List<ManagerSelection.Candidate> team = List.of(
                new ManagerSelection.Candidate("dr-a", List.of("es", "en"), 10, 4),
                new ManagerSelection.Candidate("dr-b", List.of("es"), 10, 2),
                new ManagerSelection.Candidate("dr-c", List.of("en"), 10, 0),
                new ManagerSelection.Candidate("dr-d", List.of("es"), 2, 2));
        assertThat(ManagerSelection.pick(team, "es")).contains("dr-b");
        assertThat(ManagerSelection.pick(team, "en")).contains("dr-c");
        assertThat(ManagerSelection.pick(team, "fr")).isEmpty();
    }

    @Test
    void tiesGoToTheLowestSubject() {
        List<ManagerSelection.Candidate> team = List.of(
                new ManagerSelection.Candidate("dr-z", List.of("de"), 5, 1),
                new ManagerSelection.Candidate("dr-m", List.of("de"), 5, 1));
        assertThat(ManagerSelection.pick(team, "de")).contains("dr-m");
    }

    @Test
    void reviewCountriesAreThePlansNarrowedByConsent() {
        assertThat(ReviewCountries.allowed(List.of("DE", "ES", "US"), List.of(consent("DE", "FR")))).containsExactly("DE");
        assertThat(ReviewCountries.allowed(List.of(), List.of(consent("FR")))).containsExactly("FR");
        assertThat(ReviewCountries.allowed(List.of("DE"), List.of(consent()))).containsExactly("DE");
        assertThat(ReviewCountries.allowed(List.of(), List.of(consent()))).isEmpty();
        assertThat(ReviewCountries.allowed(List.of("DE"), List.of(consent("FR"), consent("DE")))).containsExactly("DE");
        assertThatThrownBy(() -> ReviewCountries.allowed(List.of("US"), List.of(consent("FR"))))
                .isInstanceOf(ProblemException.Unprocessable.class);
    }

    @Test
    void rosterRowsAreCheckedOneByOne() {
        Map<String, UUID> plans = Map.of("Gold", UUID.randomUUID());
        assertThat(new RosterRow(2, "M-1", "Gold", "2026-01-01", null).problems(plans)).isEmpty();
        assertThat(new RosterRow(3, "M 1", "Gold", "2026-01-01", null).problems(plans)).hasSize(1);
        assertThat(new RosterRow(4, "M-1", "Platinum", "2026-01-01", null).problems(plans)).hasSize(1);
        assertThat(new RosterRow(5, "M-1", "Gold", "01/01/2026", "2025-12-31").problems(plans)).hasSize(1);
        assertThat(new RosterRow(6, "M-1", "Gold", "2026-01-01", "2025-12-31").problems(plans))
                .containsExactly("validTo must not be before validFrom");
    }

    private static Consent consent(String... countries) {
        return Consent.grant(UUID.randomUUID(), ConsentPurpose.RECORDS_TO_SPECIALISTS, List.of(), List.of(countries),
                "alice", Instant.now());
    }
}
