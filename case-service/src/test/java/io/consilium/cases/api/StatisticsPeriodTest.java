package io.consilium.cases.api;

import io.consilium.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatisticsPeriodTest {

    @Test
    void plainDatesAreWholeDaysWithBothEndsInclusive() {
        StatisticsPeriod p = StatisticsPeriod.parse("2026-11-01", "2026-11-30");
        assertThat(p.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(p.to()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        StatisticsPeriod oneDay = StatisticsPeriod.parse("2026-11-30", "2026-11-30");
        assertThat(oneDay.to()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void instantsAreTakenAsGiven() {
        StatisticsPeriod p = StatisticsPeriod.parse("2026-11-01T08:00:00Z", "2026-11-02T00:00:00Z");
        assertThat(p.from()).isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
        assertThat(p.to()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
    }

    @Test
    void badOrMissingOrReversedDatesAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> StatisticsPeriod.parse("2026-13-01", "2026-11-30"))
                .isInstanceOf(ProblemException.InvalidRequest.class);
        assertThatThrownBy(() -> StatisticsPeriod.parse("2026-11-01", null))
                .isInstanceOf(ProblemException.InvalidRequest.class);
        assertThatThrownBy(() -> StatisticsPeriod.parse("2026-11-30", "2026-11-01"))
                .isInstanceOf(ProblemException.InvalidRequest.class);
        assertThatThrownBy(() -> StatisticsPeriod.parse("30/11/2026", "2026-12-01"))
                .isInstanceOf(ProblemException.InvalidRequest.class);
    }

    @Test
    void csvIsChosenWhenTheClientNamesItFirst() {
        assertThat(CaseStatisticsResource.prefersCsv("text/csv")).isTrue();
        assertThat(CaseStatisticsResource.prefersCsv("text/csv, application/json;q=0.5")).isTrue();
        assertThat(CaseStatisticsResource.prefersCsv("application/json, text/csv")).isFalse();
        assertThat(CaseStatisticsResource.prefersCsv("*/*")).isFalse();
        assertThat(CaseStatisticsResource.prefersCsv(null)).isFalse();
    }
}
