package io.consilium.gateway.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NextDeadlineTest {

    private static final Instant SOON = Instant.parse("2026-12-03T00:00:00Z");
    private static final Instant LATER = Instant.parse("2026-12-20T00:00:00Z");

    @Test
    void theEarliestRunningClockSetsTheDeadline() {
        var review = new NextDeadline.Clock("AT_RISK", SOON, false);
        assertThat(NextDeadline.of(List.of(new NextDeadline.Clock("ON_TRACK", LATER, false), review))).contains(review);
    }

    @Test
    void aBreachedClockIsStillRunningAndOverdue() {
        var breached = new NextDeadline.Clock("BREACHED", SOON.minusSeconds(3600), false);
        assertThat(NextDeadline.of(List.of(new NextDeadline.Clock("ON_TRACK", SOON, false), breached))).contains(breached);
    }

    @Test
    void metAndPausedClocksSetNoDeadline() {
        assertThat(NextDeadline.of(List.of(new NextDeadline.Clock("MET", SOON, false),
                new NextDeadline.Clock("AT_RISK", SOON, true), new NextDeadline.Clock("ON_TRACK", null, false)))).isEmpty();
        assertThat(NextDeadline.of(List.of())).isEmpty();
    }
}
