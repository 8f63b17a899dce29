package io.consilium.e2e.faults;

import io.consilium.e2e.Suite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the services' own databases say happened during a run, read after it: every event their outboxes published
 * since the run began, every consumer's inbox, the dead letters, and the effects that must exist once per event.
 * <p>
 * A consumer is expected to have applied every run event of the types it applies ({@code EventConsumer.handles}):
 * those are taken from its inbox over all time, which before the run holds the stories' and the warm-up cases'
 * events, walked before any fault. A type a consumer never applied before the run cannot be checked for it.
 */
final class Ledger {

    static final List<String> DATABASES = List.of("case", "document", "specialist", "report", "notification");

    /** One consumer's count: expected, applied, dead-lettered and lost among the run's events. */
    record ConsumerCount(String consumer, int expected, int applied, int deadLettered, int lost) {
    }

    record Counts(int published, int unsent, List<ConsumerCount> consumers, int timelineDuplicates,
                  int deliveryDuplicates, Map<String, Integer> deliveriesByChannelAndStatus, Set<String> deliveredWebhooks,
                  Set<String> deliveredEmails) {
        int lost() {
            return consumers.stream().mapToInt(ConsumerCount::lost).sum();
        }

        int deadLettered() {
            return consumers.stream().mapToInt(ConsumerCount::deadLettered).sum();
        }
    }

    private record Published(String service, String type, boolean sent) {
    }

    private final Instant since;

    Ledger(Instant since) {
        this.since = since;
    }

    Counts read(String webhookEndpointId) throws SQLException {
        Map<String, Published> published = new HashMap<>();
        for (String db : DATABASES) {
            query(db, "select event_id, type, sent_at is not null from outbox_event where occurred_at >= ?", rs ->
                    published.put(rs.getString(1), new Published(db, rs.getString(2), rs.getBoolean(3))));
        }
        int unsent = (int) published.values().stream().filter(p -> !p.sent()).count();

        Map<String, Set<String>> typesOf = new TreeMap<>();
        Map<String, Set<String>> appliedBy = new HashMap<>();
        Map<String, Set<String>> deadBy = new HashMap<>();
        int timelineDuplicates = 0;
        for (String db : DATABASES) {
            query(db, "select distinct consumer, event_type from inbox_event", rs ->
                    typesOf.computeIfAbsent(db + "/" + rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)));
            query(db, "select consumer, event_id from inbox_event where processed_at >= ?", rs ->
                    appliedBy.computeIfAbsent(db + "/" + rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)));
            query(db, "select consumer, event_id from dead_letter where status = 'OPEN' and first_failed_at >= ?", rs ->
                    deadBy.computeIfAbsent(db + "/" + rs.getString(1), k -> new HashSet<>()).add(rs.getString(2)));
        }
        int[] duplicates = new int[1];
        query("case", "select count(*) from (select event_id from case_timeline_entry where recorded_at >= ? "
                + "group by event_id having count(*) > 1) d", rs -> duplicates[0] = rs.getInt(1));
        timelineDuplicates = duplicates[0];
        query("notification", "select count(*) from (select event_id from delivery where created_at >= ? "
                + "group by event_id, recipient_kind, recipient, channel having count(*) > 1) d", rs -> duplicates[0] = rs.getInt(1));
        int deliveryDuplicates = duplicates[0];

        Map<String, Integer> deliveries = new TreeMap<>();
        Set<String> webhooks = new HashSet<>();
        Set<String> emails = new HashSet<>();
        query("notification", "select id, channel, status, recipient from delivery where created_at >= ?", rs -> {
            deliveries.merge(rs.getString(2) + " " + rs.getString(3), 1, Integer::sum);
            if ("DELIVERED".equals(rs.getString(3)) && "WEBHOOK".equals(rs.getString(2))
                    && webhookEndpointId.equals(rs.getString(4))) {
                webhooks.add(rs.getString(1));
            }
            if ("DELIVERED".equals(rs.getString(3)) && "EMAIL".equals(rs.getString(2))) {
                emails.add(rs.getString(1));
            }
        });

        List<ConsumerCount> consumers = new ArrayList<>();
        for (Map.Entry<String, Set<String>> consumer : typesOf.entrySet()) {
            Set<String> applied = appliedBy.getOrDefault(consumer.getKey(), Set.of());
            Set<String> dead = deadBy.getOrDefault(consumer.getKey(), Set.of());
            int expected = 0;
            int got = 0;
            int deadLettered = 0;
            int lost = 0;
            for (Map.Entry<String, Published> event : published.entrySet()) {
                if (!consumer.getValue().contains(event.getValue().type())) {
                    continue;
                }
                expected++;
                if (applied.contains(event.getKey())) {
                    got++;
                } else if (dead.contains(event.getKey())) {
                    deadLettered++;
                } else {
                    lost++;
                }
            }
            if (expected > 0) {
                consumers.add(new ConsumerCount(consumer.getKey(), expected, got, deadLettered, lost));
            }
        }
        return new Counts(published.size(), unsent, consumers, timelineDuplicates, deliveryDuplicates, deliveries,
                webhooks, emails);
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String db, String sql, Row row) throws SQLException {
        try (Connection connection = DriverManager.getConnection(Suite.JDBC + "consilium_" + db, "consilium", "consilium");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (sql.contains("?")) {
                statement.setTimestamp(1, Timestamp.from(since));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        }
    }
}
