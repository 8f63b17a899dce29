package io.consilium.notification.webhook;

import io.consilium.notification.support.StandardWebhooksVerifier;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignerTest {

    // The specification's published example (standard-webhooks, "Verifying webhook authenticity")
    static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long SPEC_TIMESTAMP = 1614265330;
    static final String SPEC_BODY = "{\"test\": 2432232314}";
    static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void reproducesTheSpecificationsExample() {
        assertThat(WebhookSigner.sign(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY)).isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void theIndependentVerifierAcceptsTheExampleAndRefusesTampering() {
        assertThat(StandardWebhooksVerifier.problem(SPEC_SECRET, SPEC_ID, "1614265330", SPEC_SIGNATURE, SPEC_BODY,
                SPEC_TIMESTAMP + 10)).isNull();
        assertThat(StandardWebhooksVerifier.verifies(SPEC_SECRET, SPEC_ID, "1614265330", SPEC_SIGNATURE,
                "{\"test\": 2432232315}", SPEC_TIMESTAMP)).isFalse();
        assertThat(StandardWebhooksVerifier.verifies(SPEC_SECRET, "msg_other", "1614265330", SPEC_SIGNATURE, SPEC_BODY,
                SPEC_TIMESTAMP)).isFalse();
        assertThat(StandardWebhooksVerifier.problem(SPEC_SECRET, SPEC_ID, "1614265330", SPEC_SIGNATURE, SPEC_BODY,
                SPEC_TIMESTAMP + 3600)).isEqualTo("timestamp outside tolerance");
    }

    @Test
    void newSecretsAreInTheSpecificationsFormatAndSignWhatTheVerifierAccepts() {
        String secret = WebhookSigner.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(24);
        String header = WebhookSigner.header(List.of(secret), "d-1", 1_800_000_000L, "{\"a\":1}");
        assertThat(StandardWebhooksVerifier.verifies(secret, "d-1", "1800000000", header, "{\"a\":1}", 1_800_000_000L)).isTrue();
        assertThat(secret).isNotEqualTo(WebhookSigner.newSecret());
    }

    @Test
    void duringARotationBothSecretsSignAndEitherVerifies() {
        String old = WebhookSigner.newSecret();
        String fresh = WebhookSigner.newSecret();
        String header = WebhookSigner.header(List.of(fresh, old), "d-2", 1_800_000_000L, "{}");
        assertThat(header.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        assertThat(StandardWebhooksVerifier.verifies(old, "d-2", "1800000000", header, "{}", 1_800_000_000L)).isTrue();
        assertThat(StandardWebhooksVerifier.verifies(fresh, "d-2", "1800000000", header, "{}", 1_800_000_000L)).isTrue();
        assertThat(StandardWebhooksVerifier.verifies(WebhookSigner.newSecret(), "d-2", "1800000000", header, "{}",
                1_800_000_000L)).isFalse();
    }
}
