package io.consilium.platform.testing;

import io.quarkus.arc.Arc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether any row of the service's database changed since a mark, table by table: a row inserted or updated
 * after the mark carries a transaction id ({@code xmin}) at or above the one taken at the mark (no wraparound in a
 * test database), and a deleted row shows in the row count. Tables listed as {@code excluded} are not looked at;
 * {@code outbox_event} may receive {@code access-recorded} rows (refusals are audited in a transaction of their
 * own) and {@code dead-letter-filed} notices (written with a dead letter, which consumers file in the background)
 * and nothing else.
 */
final class DatabaseChanges {

    private static final long XID_MODULUS = 1L << 32;

    private final DataSource dataSource;
    private final Set<String> excluded;
    private final List<String> tables = new ArrayList<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private long mark;

    DatabaseChanges(Set<String> excluded) {
        this.dataSource = Arc.container().instance(DataSource.class).get();
        this.excluded = excluded;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select table_name from information_schema.tables"
                     + " where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name")) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (!excluded.contains(table) && !table.equals("flyway_schema_history")) {
                    tables.add(table);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> tables() {
        return List.copyOf(tables);
    }

    /**
     * Waits (up to 10 s) until the relay has sent what earlier tests left in the outbox, so its updates of those
     * rows are not taken for the probe's, then takes the mark: the next transaction id and every table's row count.
     */
    DatabaseChanges mark() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (unsentOutboxRows() > 0 && Instant.now().isBefore(deadline)) {
            sleep();
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            try (ResultSet rs = s.executeQuery("select pg_current_xact_id()::text::bigint")) {
                rs.next();
                mark = rs.getLong(1) % XID_MODULUS;
            }
            counts.clear();
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) from \"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** What changed since the mark: "table: 2 row(s) written", "table: 1 row(s) deleted"; empty when nothing. */
    List<String> since() {
        List<String> changes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : tables) {
                boolean outbox = table.equals("outbox_event");
                String sql = "select count(*), count(*) filter (where xmin::text::bigint >= " + mark
                        + (outbox ? " and type not like '%access-recorded%' and type <> 'consilium.platform.dead-letter-filed.v1'" : "") + ") from \"" + table + "\"";
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    long count = rs.getLong(1);
                    long written = rs.getLong(2);
                    if (written > 0) {
                        changes.add(table + ": " + written + " row(s) written"
                                + (table.equals("outbox_event") ? " (other than access-recorded audit events)" : ""));
                    }
                    Long before = counts.get(table);
                    // the outbox's sent rows are deleted by OutboxCleanup, not by requests
                    if (!outbox && before != null && count < before) {
                        changes.add(table + ": " + (before - count) + " row(s) deleted");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return changes;
    }

    /**
     * Waits (up to 60 s) until the consumers are idle: the inbox (every event any consumer applied) has not grown
     * for two seconds. Earlier tests' events, and other modules' on the shared test broker, are applied by then,
     * so the tables consumers and endpoints both write are quiet while the probe looks at them.
     */
    DatabaseChanges awaitQuietConsumers() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        long last = -1;
        Instant stableSince = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            long now = count("select count(*) from inbox_event") + count("select count(*) from dead_letter");
            if (now != last) {
                last = now;
                stableSince = Instant.now();
            } else if (Duration.between(stableSince, Instant.now()).compareTo(Duration.ofSeconds(2)) >= 0) {
                break;
            }
            sleep();
        }
        return this;
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return 0;
        }
    }

    private long unsentOutboxRows() {
        if (!tables.contains("outbox_event")) {
            return 0;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from outbox_event where sent_at is null")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
