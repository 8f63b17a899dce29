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
    void aPlainDateIsTheStartOfThatDayInUtc() {
        assertThat(QueryValues.instant("from", "2026-12-01")).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThatThrownBy(() -> QueryValues.instant("to", "2026-13-01"))
                .isInstanceOfSatisfying(ProblemException.InvalidRequest.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("to")));
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

    @Test
    void wholeNumbersWithinTheirBoundsOrTheDefault() {
        assertThat(QueryValues.integer("size", " 42 ", 20, 1, 100)).isEqualTo(42);
        assertThat(QueryValues.integer("size", null, 20, 1, 100)).isEqualTo(20);
        assertThat(QueryValues.integer("size", "", 20, 1, 100)).isEqualTo(20);
        for (String bad : new String[]{"abc", "0", "101", "1.5", "99999999999"}) {
            assertThatThrownBy(() -> QueryValues.integer("size", bad, 20, 1, 100)).as(bad)
                    .isInstanceOfSatisfying(ProblemException.InvalidRequest.class, e ->
                            assertThat(e.violations()).singleElement().satisfies(v -> {
                                assertThat(v.field()).isEqualTo("size");
                                assertThat(v.message()).contains("1 to 100");
                            }));
        }
    }

    @Test
    void uuidsAndFreeText() {
        assertThat(QueryValues.uuid("caseId", " 6f1c3b4e-9a0d-4c57-8a8e-2f9f3d1e0b7a"))
                .hasToString("6f1c3b4e-9a0d-4c57-8a8e-2f9f3d1e0b7a");
        assertThat(QueryValues.uuid("caseId", null)).isNull();
        assertThatThrownBy(() -> QueryValues.uuid("caseId", "nope")).isInstanceOf(ProblemException.InvalidRequest.class);
        assertThat(QueryValues.text("  acme ")).isEqualTo("acme");
        assertThat(QueryValues.text(" ")).isNull();
    }
}
