package io.consilium.platform.consumer;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    @Test
    void aDatabaseThatIsAwayIsTransientHoweverDeepTheCause() {
        // as Hibernate wraps what PostgreSQL's driver says while the server restarts
        assertThat(TransientFailures.isTransient(new RuntimeException("JDBC exception executing SQL",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("too many connections", "53300"))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException(new SQLTransientConnectionException("no connection")))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("Acquisition timeout while waiting for new connection"))).isTrue();
    }

    @Test
    void aFailureOfTheEventOrTheCodeIsNot() {
        assertThat(TransientFailures.isTransient(new IllegalStateException("downstream refused"))).isFalse();
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(TransientFailures.isTransient(new InvalidEventStandIn())).isFalse();
        assertThat(TransientFailures.isTransient(null)).isFalse();
    }

    private static final class InvalidEventStandIn extends RuntimeException {
    }
}
