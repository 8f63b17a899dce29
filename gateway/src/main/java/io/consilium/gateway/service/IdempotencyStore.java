package io.consilium.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.gateway.config.IdempotencyConfig;
import io.consilium.gateway.domain.IdempotencyOutcome;
import io.consilium.gateway.domain.StoredAnswer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The idempotency keys in the gateway's database, in plain JDBC with one auto-committed statement per step (no
 * transaction is held while a service works on the request). The insert of the key's row decides who goes first:
 * its primary key lets exactly one of any number of concurrent requests in, the others find its row.
 */
@ApplicationScoped
public class IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final IdempotencyConfig config;
    private final Clock clock;

    public IdempotencyStore(DataSource dataSource, IdempotencyConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /** Claims the key for this request, or says what became of the request that claimed it first. */
    public IdempotencyOutcome begin(String scope, String key, String fingerprint) {
        try (Connection connection = dataSource.getConnection()) {
            for (int attempt = 0; attempt < 5; attempt++) {
                Instant now = clock.instant();
                if (insert(connection, scope, key, fingerprint, now)) {
                    return new IdempotencyOutcome.Proceed();
                }
                Existing existing = find(connection, scope, key);
                if (existing == null) {
                    continue; // the first request failed and let the key go in between: try again
                }
                if (!existing.expiresAt().isAfter(now)) {
                    deleteExpired(connection, scope, key, now);
                    continue;
                }
                if (!existing.fingerprint().equals(fingerprint)) {
                    return new IdempotencyOutcome.Mismatch();
                }
                if (existing.answer() != null) {
                    return new IdempotencyOutcome.Replay(existing.answer());
                }
                if (!existing.leaseUntil().isAfter(now) && takeOver(connection, scope, key, now)) {
                    return new IdempotencyOutcome.Proceed();
                }
                return new IdempotencyOutcome.InFlight();
            }
            return new IdempotencyOutcome.InFlight();
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency keys are not available", e);
        }
    }

    /** Where the first request with the key stands, for a repeat that waits for it (never claims the key). */
    public IdempotencyOutcome look(String scope, String key, String fingerprint) {
        try (Connection connection = dataSource.getConnection()) {
            Existing existing = find(connection, scope, key);
            if (existing == null || !existing.expiresAt().isAfter(clock.instant())) {
                return new IdempotencyOutcome.Proceed();
            }
            if (!existing.fingerprint().equals(fingerprint)) {
                return new IdempotencyOutcome.Mismatch();
            }
            return existing.answer() != null ? new IdempotencyOutcome.Replay(existing.answer())
                    : new IdempotencyOutcome.InFlight();
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency keys are not available", e);
        }
    }

    /** Keeps the first answer for replay. */
    public void complete(String scope, String key, StoredAnswer answer) {
        String sql = "update idempotency_record set state = 'COMPLETED', status = ?, headers = ?, body = ? "
                + "where client_scope = ? and idempotency_key = ? and state = 'IN_FLIGHT'";
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setInt(1, answer.status());
            update.setString(2, headersJson(answer.headers()));
            update.setBytes(3, answer.body());
            update.setString(4, scope);
            update.setString(5, key);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency keys are not available", e);
        }
    }

    /** Lets the key go: the request got no answer worth keeping (5xx, no answer, 401, 429), so it may be tried again. */
    public void release(String scope, String key) {
        String sql = "delete from idempotency_record where client_scope = ? and idempotency_key = ? and state = 'IN_FLIGHT'";
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, scope);
            delete.setString(2, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            // the lease runs out and the key is taken over: no request is refused for good
            LOG.warnf(e, "Could not release an idempotency key; it frees itself after %s", config.abandonedAfter());
        }
    }

    @Scheduled(every = "${consilium.gateway.idempotency.cleanup-every:15m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpired() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from idempotency_record where expires_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(clock.instant()));
            int removed = delete.executeUpdate();
            LOG.debugf("Removed %d expired idempotency keys", removed);
        } catch (SQLException e) {
            LOG.warn("Could not remove expired idempotency keys; next round", e);
        }
    }

    private boolean insert(Connection connection, String scope, String key, String fingerprint, Instant now)
            throws SQLException {
        String sql = "insert into idempotency_record (client_scope, idempotency_key, fingerprint, state, lease_until, expires_at) "
                + "values (?, ?, ?, 'IN_FLIGHT', ?, ?) on conflict do nothing";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, scope);
            insert.setString(2, key);
            insert.setString(3, fingerprint);
            insert.setTimestamp(4, Timestamp.from(now.plus(config.abandonedAfter())));
            insert.setTimestamp(5, Timestamp.from(now.plus(config.retention())));
            return insert.executeUpdate() == 1;
        }
    }

    private boolean takeOver(Connection connection, String scope, String key, Instant now) throws SQLException {
        String sql = "update idempotency_record set lease_until = ? where client_scope = ? and idempotency_key = ? "
                + "and state = 'IN_FLIGHT' and lease_until <= ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setTimestamp(1, Timestamp.from(now.plus(config.abandonedAfter())));
            update.setString(2, scope);
            update.setString(3, key);
            update.setTimestamp(4, Timestamp.from(now));
            return update.executeUpdate() == 1;
        }
    }

    private void deleteExpired(Connection connection, String scope, String key, Instant now) throws SQLException {
        String sql = "delete from idempotency_record where client_scope = ? and idempotency_key = ? and expires_at <= ?";
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, scope);
            delete.setString(2, key);
            delete.setTimestamp(3, Timestamp.from(now));
            delete.executeUpdate();
        }
    }

    private record Existing(String fingerprint, Instant leaseUntil, Instant expiresAt, StoredAnswer answer) {
    }

    private Existing find(Connection connection, String scope, String key) throws SQLException {
        String sql = "select fingerprint, state, lease_until, expires_at, status, headers, body from idempotency_record "
                + "where client_scope = ? and idempotency_key = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, scope);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                StoredAnswer answer = "COMPLETED".equals(row.getString("state"))
                        ? new StoredAnswer(row.getInt("status"), headers(row.getString("headers")), row.getBytes("body"))
                        : null;
                return new Existing(row.getString("fingerprint"), row.getTimestamp("lease_until").toInstant(),
                        row.getTimestamp("expires_at").toInstant(), answer);
            }
        }
    }

    private static String headersJson(List<Map.Entry<String, String>> headers) {
        List<List<String>> pairs = new ArrayList<>();
        headers.forEach(h -> pairs.add(List.of(h.getKey(), h.getValue())));
        try {
            return JSON.writeValueAsString(pairs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Headers are strings", e);
        }
    }

    private static List<Map.Entry<String, String>> headers(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            List<List<String>> pairs = JSON.readValue(json, new TypeReference<>() {
            });
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            pairs.forEach(p -> headers.add(new AbstractMap.SimpleImmutableEntry<>(p.get(0), p.get(1))));
            return headers;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored headers are not readable", e);
        }
    }

}
