package io.consilium.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SendingVerdictTest {

    static final Instant NIGHT = Instant.parse("2026-12-01T23:30:00Z");
    static final Instant DAY = Instant.parse("2026-12-01T12:00:00Z");

    static NotificationPreference quietNights(boolean email, boolean push) {
        NotificationPreference p = NotificationPreference.defaults("p-1");
        p.choose(email, push, null, new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("UTC")), DAY);
        return p;
    }

    @Test
    void withoutPreferencesEverythingGoes() {
        assertThat(SendingVerdict.judge(Optional.empty(), Channel.EMAIL, false, NIGHT)).isEqualTo(SendingVerdict.SEND);
    }

    @Test
    void quietHoursHoldARoutineMessageUntilTheyEndAndNotAnUrgentOne() {
        var p = Optional.of(quietNights(true, true));
        SendingVerdict routine = SendingVerdict.judge(p, Channel.EMAIL, false, NIGHT);
        assertThat(routine.kind()).isEqualTo(SendingVerdict.Kind.WAIT);
        assertThat(routine.waitUntil()).isEqualTo(Instant.parse("2026-12-02T07:00:00Z"));
        assertThat(SendingVerdict.judge(p, Channel.PUSH, false, NIGHT).kind()).isEqualTo(SendingVerdict.Kind.WAIT);
        assertThat(SendingVerdict.judge(p, Channel.EMAIL, true, NIGHT)).isEqualTo(SendingVerdict.SEND);
        assertThat(SendingVerdict.judge(p, Channel.EMAIL, false, DAY)).isEqualTo(SendingVerdict.SEND);
    }

    @Test
    void theInboxNeverWaitsAndCannotBeTurnedOff() {
        var p = Optional.of(quietNights(false, false));
        assertThat(SendingVerdict.judge(p, Channel.INBOX, false, NIGHT)).isEqualTo(SendingVerdict.SEND);
    }

    @Test
    void aChannelTurnedOffStaysOffEvenForUrgentMessages() {
        var p = Optional.of(quietNights(false, true));
        assertThat(SendingVerdict.judge(p, Channel.EMAIL, true, DAY)).isEqualTo(SendingVerdict.CHANNEL_OFF);
        assertThat(SendingVerdict.judge(p, Channel.PUSH, true, NIGHT)).isEqualTo(SendingVerdict.SEND);
    }

    @Test
    void aLanguageWithoutMessagesIsRefused() {
        NotificationPreference p = NotificationPreference.defaults("p-1");
        assertThatThrownBy(() -> p.choose(true, true, "it", null, DAY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(p.language).isNull();
    }
}
