package io.consilium.cases.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpTest {

    private static final Instant DUE = Instant.parse("2026-06-01T09:00:00Z");

    @Test
    void aDueCheckInWithoutOutcomeIsAnnouncedOnceAndNotBeforeItsTime() {
        FollowUp f = FollowUp.plan(UUID.randomUUID(), DUE);
        assertThat(f.announceDue(DUE.minusSeconds(1))).isFalse();
        assertThat(f.dueAnnouncedAt).isNull();
        assertThat(f.announceDue(DUE)).isTrue();
        assertThat(f.dueAnnouncedAt).isEqualTo(DUE);
        assertThat(f.announceDue(DUE.plus(Duration.ofDays(1)))).isFalse();
        assertThat(f.dueAnnouncedAt).isEqualTo(DUE);
    }

    @Test
    void aRecordedCheckInIsNeverAnnounced() {
        FollowUp f = FollowUp.plan(UUID.randomUUID(), DUE);
        f.record("Surgery", FollowUp.OpinionFollowed.YES, null, null, "dr-1", DUE.minusSeconds(60));
        assertThat(f.announceDue(DUE.plus(Duration.ofDays(1)))).isFalse();
        assertThat(f.dueAnnouncedAt).isNull();
    }
}
