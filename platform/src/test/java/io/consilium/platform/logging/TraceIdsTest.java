package io.consilium.platform.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceIdsTest {

    @Test
    void takesTheTraceIdOfAW3cTraceparent() {
        assertThat(TraceIds.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void fallsBackToASaneRequestIdThenToANewId() {
        assertThat(TraceIds.of(null, "req-12345678")).isEqualTo("req-12345678");
        assertThat(TraceIds.of("garbage", "<script>alert(1)</script>")).matches("[0-9a-f]{32}");
        assertThat(TraceIds.of("00-00000000000000000000000000000000-00f067aa0ba902b7-01", null)).matches("[0-9a-f]{32}")
                .isNotEqualTo("0".repeat(32));
    }
}
