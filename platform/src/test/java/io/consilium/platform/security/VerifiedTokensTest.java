package io.consilium.platform.security;

import io.consilium.platform.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private final TestClock clock = new TestClock();
    private final VerifiedTokens<String> tokens = new VerifiedTokens<>(3, Duration.ofSeconds(60), clock);

    @Test
    void onlyTheVerySameTokenFindsItsEntry() {
        tokens.keep("header.claims.signature", "olivia", clock.instant().plusSeconds(300));
        assertThat(tokens.find("header.claims.signature")).contains("olivia");
        assertThat(tokens.find("header.claims.signaturf")).isEmpty();
        assertThat(tokens.find("header.claims.signature ")).isEmpty();
        assertThat(tokens.find("header.claimz.signature")).isEmpty();
    }

    @Test
    void anEntryEndsWhenItsTokenExpires() {
        tokens.keep("short", "olivia", clock.instant().plusSeconds(10));
        clock.advance(Duration.ofSeconds(9));
        assertThat(tokens.find("short")).contains("olivia");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.find("short")).as("at its exp the token is expired").isEmpty();
    }

    @Test
    void anEntryEndsAfterTheMaxAgeEvenIfItsTokenLivesLonger() {
        tokens.keep("long", "olivia", clock.instant().plus(Duration.ofHours(10)));
        clock.advance(Duration.ofSeconds(59));
        assertThat(tokens.find("long")).contains("olivia");
        clock.advance(Duration.ofSeconds(1));
        // a token signed with a key the realm withdrew is taken at most this long
        assertThat(tokens.find("long")).isEmpty();
    }

    @Test
    void expiredOrUnexpiringTokensAreNotKept() {
        tokens.keep("expired", "x", clock.instant());
        tokens.keep("no-exp", "x", null);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aFullCacheDropsExpiredEntriesFirstThenEverything() {
        tokens.keep("a", "a", clock.instant().plusSeconds(5));
        tokens.keep("b", "b", clock.instant().plusSeconds(300));
        tokens.keep("c", "c", clock.instant().plusSeconds(300));
        clock.advance(Duration.ofSeconds(6));
        tokens.keep("d", "d", clock.instant().plusSeconds(300));
        assertThat(tokens.size()).isEqualTo(3);
        assertThat(tokens.find("a")).isEmpty();
        assertThat(tokens.find("b")).contains("b");
        tokens.keep("e", "e", clock.instant().plusSeconds(300));
        assertThat(tokens.size()).as("never more than max-entries").isEqualTo(1);
        assertThat(tokens.find("e")).contains("e");
        assertThat(tokens.find("b")).as("dropped, so verified again next time").isEmpty();
    }

    @Test
    void theLimitsMustMakeSense() {
        assertThatThrownBy(() -> new VerifiedTokens<String>(0, Duration.ofSeconds(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VerifiedTokens<String>(1, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
