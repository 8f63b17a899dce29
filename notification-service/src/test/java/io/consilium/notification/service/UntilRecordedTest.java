package io.consilium.notification.service;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UntilRecordedTest {

    private final List<Duration> pauses = new ArrayList<>();

    private static RuntimeException databaseAway() {
        return new RuntimeException(new SQLException("the database system is shutting down", "57P03"));
    }

    @Test
    void anOutcomeIsWrittenOnceTheDatabaseIsBackWithLongerPausesInBetween() {
        AtomicInteger tries = new AtomicInteger();
        new UntilRecorded(Duration.ofSeconds(30), pauses::add).run(() -> {
            if (tries.incrementAndGet() <= 5) {
                throw databaseAway();
            }
        });

        assertThat(tries).hasValue(6);
        assertThat(pauses).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                Duration.ofMillis(1600), Duration.ofSeconds(2));
    }

    @Test
    void aFailureOfTheRowItselfIsNotTriedAgain() {
        AtomicInteger tries = new AtomicInteger();
        UntilRecorded untilRecorded = new UntilRecorded(Duration.ofSeconds(30), pauses::add);

        assertThatThrownBy(() -> untilRecorded.run(() -> {
            tries.incrementAndGet();
            throw new RuntimeException(new SQLException("duplicate key", "23505"));
        })).hasRootCauseMessage("duplicate key");
        assertThat(tries).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void aDatabaseAwayLongerThanThePatienceGivesTheOutcomeUp() {
        AtomicInteger tries = new AtomicInteger();
        // the first pause (200 ms) would already outlast a patience of 50 ms
        UntilRecorded untilRecorded = new UntilRecorded(Duration.ofMillis(50), pauses::add);

        assertThatThrownBy(() -> untilRecorded.run(() -> {
            tries.incrementAndGet();
            throw databaseAway();
        })).hasRootCauseMessage("the database system is shutting down");
        assertThat(tries).hasValue(1);
        assertThat(pauses).isEmpty();
    }
}
