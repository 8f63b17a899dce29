package io.consilium.platform.http;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAbortsTest {

    @Test
    void closedOrResetConnectionsAreTheClientsDoing() {
        assertThat(ClientAborts.isClientAbort(new ClosedChannelException())).isTrue();
        assertThat(ClientAborts.isClientAbort(new UncheckedIOException(new IOException("Connection reset by peer")))).isTrue();
        assertThat(ClientAborts.isClientAbort(new RuntimeException("wrapped", new IOException("Broken pipe")))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(ClientAborts.isClientAbort(new IllegalStateException("connection was closed"))).isFalse();
        assertThat(ClientAborts.isClientAbort(new IOException("disk full"))).isFalse();
        assertThat(ClientAborts.isClientAbort(new NullPointerException())).isFalse();
    }
}
