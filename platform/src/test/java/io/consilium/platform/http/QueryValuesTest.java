package io.consilium.platform.http;

import io.consilium.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryValuesTest {

    @Test
    void parsesEnumsAndInstants() {
        assertThat(QueryValues.enumValue("unit", "SECONDS", TimeUnit.class)).isEqualTo(TimeUnit.SECONDS);
        assertThat(QueryValues.instant("from", "2026-11-25T09:00:00Z")).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(QueryValues.enumValue("unit", null, TimeUnit.class)).isNull();
        assertThat(QueryValues.instant("from", " ")).isNull();
    }

    @Test
    void unknownValueNamesTheParameterAndTheAllowedValues() {
        assertThatThrownBy(() -> QueryValues.enumValue("unit", "FORTNIGHTS", TimeUnit.class))
                .isInstanceOfSatisfying(ProblemException.InvalidRequest.class, e -> {
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("unit");
                        assertThat(v.message()).contains("SECONDS");
                    });
                });
        assertThatThrownBy(() -> QueryValues.instant("from", "yesterday"))
                .isInstanceOf(ProblemException.InvalidRequest.class);
    }
}
