package io.consilium.notification.domain;

import io.consilium.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryTest {

    final Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
    final RetrySchedule twoRetries = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5)), 0);

    Delivery webhook() {
        return Delivery.create(UUID.randomUUID(), "consilium.report.released.v1", UUID.randomUUID(), "acme",
                RecipientKind.PARTNER, UUID.randomUUID().toString(), Channel.WEBHOOK, false, "{}", true, t0);
    }

    @Test
    void aNewDeliveryIsDueAtOnceAndOneOnAChannelWithoutSenderIsHeld() {
        Delivery d = webhook();
        assertThat(d.status).isEqualTo(DeliveryStatus.PENDING);
        assertThat(d.due(t0)).isTrue();
        Delivery mail = Delivery.create(UUID.randomUUID(), "consilium.report.released.v1", UUID.randomUUID(), "acme",
                RecipientKind.PATIENT, "patient-1", Channel.EMAIL, false, null, false, t0);
        assertThat(mail.status).isEqualTo(DeliveryStatus.HELD);
        assertThat(mail.due(t0.plusSeconds(3600))).isFalse();
    }

    @Test
    void failuresFollowTheScheduleThenTheDeliveryIsDead() {
        Delivery d = webhook();
        assertThat(d.failed("HTTP 500", t0, twoRetries, () -> 0.5)).isFalse();
        assertThat(d.status).isEqualTo(DeliveryStatus.RETRYING);
        assertThat(d.nextAttemptAt).isEqualTo(t0.plusSeconds(5));
        assertThat(d.due(t0.plusSeconds(4))).isFalse();
        assertThat(d.due(t0.plusSeconds(5))).isTrue();
        assertThat(d.failed("timed out", t0.plusSeconds(5), twoRetries, () -> 0.5)).isFalse();
        assertThat(d.nextAttemptAt).isEqualTo(t0.plusSeconds(305));
        assertThat(d.failed("HTTP 503", t0.plusSeconds(305), twoRetries, () -> 0.5)).isTrue();
        assertThat(d.status).isEqualTo(DeliveryStatus.DEAD);
        assertThat(d.attempts).isEqualTo(3);
        assertThat(d.lastError).isEqualTo("HTTP 503");
        assertThat(d.nextAttemptAt).isNull();
    }

    @Test
    void aDeliveredOrDeadDeliveryIsNotSentAgainExceptByReplayWhichKeepsItsId() {
        Delivery d = webhook();
        UUID id = d.id;
        d.delivered(t0);
        assertThat(d.status).isEqualTo(DeliveryStatus.DELIVERED);
        assertThatThrownBy(() -> d.delivered(t0)).isInstanceOf(ProblemException.Conflict.class);
        assertThatThrownBy(() -> d.failed("x", t0, twoRetries, () -> 0.5)).isInstanceOf(ProblemException.Conflict.class);
        d.replay(t0.plusSeconds(60));
        assertThat(d.id).isEqualTo(id);
        assertThat(d.status).isEqualTo(DeliveryStatus.PENDING);
        assertThat(d.attempts).isZero();
        assertThat(d.due(t0.plusSeconds(60))).isTrue();
    }

    @Test
    void aDeliveryBeingTriedIsNotReplayedAndOnlyWebhooksAre() {
        Delivery d = webhook();
        assertThatThrownBy(() -> d.replay(t0)).isInstanceOf(ProblemException.Conflict.class);
        Delivery mail = Delivery.create(UUID.randomUUID(), "t", null, "acme", RecipientKind.PATIENT, "p", Channel.EMAIL,
                false, null, false, t0);
        assertThatThrownBy(() -> mail.replay(t0)).isInstanceOf(ProblemException.Conflict.class);
    }

    @Test
    void holdingStopsWaitingDeliveriesAndReleasingSendsThemAgain() {
        Delivery d = webhook();
        d.hold();
        assertThat(d.status).isEqualTo(DeliveryStatus.HELD);
        assertThat(d.due(t0.plusSeconds(10))).isFalse();
        d.release(t0.plusSeconds(10));
        assertThat(d.due(t0.plusSeconds(10))).isTrue();
        d.delivered(t0);
        d.hold();
        assertThat(d.status).isEqualTo(DeliveryStatus.DELIVERED);
    }

    Delivery mail() {
        return Delivery.create(UUID.randomUUID(), "consilium.report.released.v1", UUID.randomUUID(), "acme",
                RecipientKind.PATIENT, "patient-1", Channel.EMAIL, false, null, true, t0);
    }

    @Test
    void aMessageWaitingForQuietHoursToEndCountsNoAttemptAndIsDueThen() {
        Delivery d = mail();
        Instant morning = t0.plus(Duration.ofHours(7));
        d.postpone(morning);
        assertThat(d.status).isEqualTo(DeliveryStatus.PENDING);
        assertThat(d.attempts).isZero();
        assertThat(d.due(morning.minusSeconds(1))).isFalse();
        assertThat(d.due(morning)).isTrue();
    }

    @Test
    void aSkippedMessageIsFinal() {
        Delivery d = mail();
        d.skip("e-mail turned off by the recipient");
        assertThat(d.status).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(d.due(t0.plus(Duration.ofDays(1)))).isFalse();
        assertThatThrownBy(() -> d.delivered(t0)).isInstanceOf(ProblemException.Conflict.class);
        assertThatThrownBy(() -> d.postpone(t0)).isInstanceOf(ProblemException.Conflict.class);
        assertThatThrownBy(() -> d.skip("again")).isInstanceOf(ProblemException.Conflict.class);
    }
}
