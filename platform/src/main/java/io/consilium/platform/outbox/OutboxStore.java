package io.consilium.platform.outbox;

import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The relay's SQL, on the one connection the relay holds for as long as it is the active relay.
 * The session-level advisory lock lives and dies with that connection, so a crashed relay frees it at once.
 */
final class OutboxStore {

    private final Connection connection;

    OutboxStore(Connection connection) {
        this.connection = connection;
    }

    boolean tryBecomeActiveRelay(long lockKey) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            st.setLong(1, lockKey);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Gives up the lock and the LISTEN; a broken connection has lost both already. */
    void release() {
        try (Statement st = connection.createStatement()) {
            st.execute("unlisten *");
            st.execute("select pg_advisory_unlock_all()");
        } catch (SQLException ignored) {
            // the session is gone, and with it the lock
        }
    }

    void listen() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("listen " + Outbox.CHANNEL);
        }
    }

    /** Blocks until a NOTIFY arrives or the timeout passes; returns early as soon as one is there. */
    void awaitNotification(long timeoutMillis) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        pg.getNotifications((int) Math.max(1, timeoutMillis));
    }

    List<OutboxRow> unsent(int limit) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("""
                select id, event_id, topic, kafka_key, type, source, subject, tenant, occurred_at, payload::text
                from outbox_event where sent_at is null order by id limit ?""")) {
            st.setInt(1, limit);
            try (ResultSet rs = st.executeQuery()) {
                List<OutboxRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getObject(9, OffsetDateTime.class), rs.getString(10)));
                }
                return rows;
            }
        }
    }

    void markSent(List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement st = connection.prepareStatement(
                "update outbox_event set sent_at = now() where id = any(?)")) {
            st.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            st.executeUpdate();
        }
    }
}
