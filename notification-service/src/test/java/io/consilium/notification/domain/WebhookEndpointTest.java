package io.consilium.notification.domain;

import io.consilium.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookEndpointTest {

    final Instant t0 = Instant.parse("2026-12-01T00:00:00Z");

    WebhookEndpoint endpoint() {
        return WebhookEndpoint.register("acme", "https://hooks.example.com/", null,
                Set.of("consilium.report.released.v1", "consilium.case.closed.v1"), "whsec_a", "partner", t0);
    }

    @Test
    void subscribesToItsTypesOnly() {
        WebhookEndpoint e = endpoint();
        assertThat(e.subscribes("consilium.report.released.v1")).isTrue();
        assertThat(e.subscribes("consilium.case.submitted.v1")).isFalse();
        assertThat(e.eventTypes()).containsExactly("consilium.case.closed.v1", "consilium.report.released.v1");
        assertThatThrownBy(() -> WebhookEndpoint.register("acme", "https://x/", null, Set.of(), "s", "p", t0))
                .isInstanceOf(ProblemException.Unprocessable.class);
    }

    @Test
    void afterARotationBothSecretsSignUntilTheOverlapEnds() {
        WebhookEndpoint e = endpoint();
        assertThat(e.signingSecrets(t0)).containsExactly("whsec_a");
        e.rotate("whsec_b", t0, Duration.ofHours(24));
        assertThat(e.signingSecrets(t0.plusSeconds(3600))).containsExactly("whsec_b", "whsec_a");
        assertThat(e.signingSecrets(t0.plus(Duration.ofHours(24)))).containsExactly("whsec_b");
    }

    @Test
    void failingForDaysWithoutASuccessDisablesTheEndpoint() {
        WebhookEndpoint e = endpoint();
        Duration fiveDays = Duration.ofDays(5);
        assertThat(e.failed(t0, fiveDays)).isFalse();
        assertThat(e.failed(t0.plus(Duration.ofDays(4)), fiveDays)).isFalse();
        e.succeeded();
        assertThat(e.failed(t0.plus(Duration.ofDays(6)), fiveDays)).isFalse();
        assertThat(e.failingSince).isEqualTo(t0.plus(Duration.ofDays(6)));
        assertThat(e.failed(t0.plus(Duration.ofDays(11)), fiveDays)).isTrue();
        assertThat(e.enabled).isFalse();
        assertThat(e.disabledReason).contains("failed since");
        assertThat(e.disabledAt).isEqualTo(t0.plus(Duration.ofDays(11)));
        assertThat(e.failed(t0.plus(Duration.ofDays(12)), fiveDays)).isFalse();
        assertThat(e.disabledAt).isEqualTo(t0.plus(Duration.ofDays(11)));
        e.enable();
        assertThat(e.enabled).isTrue();
        assertThat(e.failingSince).isNull();
        assertThat(e.disabledAt).isNull();
        assertThatThrownBy(e::enable).isInstanceOf(ProblemException.Conflict.class);
        e.disable("by ops", t0.plus(Duration.ofDays(13)));
        assertThat(e.disabledAt).isEqualTo(t0.plus(Duration.ofDays(13)));
        assertThatThrownBy(() -> e.disable("again", t0.plus(Duration.ofDays(14)))).isInstanceOf(ProblemException.Conflict.class);
    }
}
