package io.consilium.cases.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.consilium.platform.testing.Broker;
import io.consilium.cases.support.Coverage;
import io.consilium.cases.support.Intakes;
import io.consilium.platform.testing.Tokens;
import io.consilium.platform.outbox.Outbox;
import io.consilium.platform.outbox.OutgoingEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.consilium.cases.support.CaseApi.openAndSubmit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox against the real broker: nothing from a rolled-back transaction, everything committed during a
 * broker outage once it is back, each event once and in order per case.
 */
@QuarkusTest
class OutboxReliabilityTest {

    private static final String TOPIC = "consilium.test.outbox";

    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;
    @Inject
    javax.sql.DataSource dataSource;

    private final KafkaCompanion kafka = Broker.companion();
    private final ObjectMapper json = new ObjectMapper();

    record Numbered(String run, int seq, String marker) {
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        String key = UUID.randomUUID().toString();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.append(new OutgoingEvent(TOPIC, "consilium.test.numbered.v1", key, "acme",
                    new Numbered(key, 1, "rolled-back")));
            throw new IllegalStateException("business rule failed after the event was written");
        })).isInstanceOf(IllegalStateException.class);
        QuarkusTransaction.requiringNew().run(() -> outbox.append(new OutgoingEvent(TOPIC,
                "consilium.test.numbered.v1", key, "acme", new Numbered(key, 2, "committed"))));

        List<ConsumerRecord<String, String>> records = Broker.readUntil(kafka, TOPIC,
                seen -> seen.stream().anyMatch(r -> key.equals(r.key()) && r.value().contains("committed")),
                Duration.ofSeconds(30));
        assertThat(records.stream().filter(r -> key.equals(r.key())).map(ConsumerRecord::value))
                .hasSize(1)
                .noneMatch(v -> v.contains("rolled-back"));
    }

    @Test
    void aCommittedEventWakesTheRelay() throws Exception {
        // a listener of its own on the relay's channel, as the relay listens (PostgreSQL delivers on commit); other
        // tests' events may wake it too, so this shows only that a commit of ours does
        try (java.sql.Connection listener = dataSource.getConnection()) {
            listener.setAutoCommit(true);
            try (var listen = listener.createStatement()) {
                listen.execute("listen consilium_outbox");
            }
            org.postgresql.PGConnection pg = listener.unwrap(org.postgresql.PGConnection.class);
            org.postgresql.PGNotification[] earlier;
            do {
                // what other tests' commits left: not ours (an empty array, or null, when there is none)
                earlier = pg.getNotifications(200);
            } while (earlier != null && earlier.length > 0);
            String key = UUID.randomUUID().toString();
            QuarkusTransaction.requiringNew().run(() -> outbox.appendAll(List.of(
                    new OutgoingEvent(TOPIC, "consilium.test.numbered.v1", key, "acme", new Numbered(key, 1, "a")),
                    new OutgoingEvent(TOPIC, "consilium.test.numbered.v1", key, "acme", new Numbered(key, 2, "b")))));
            org.postgresql.PGNotification[] woken = pg.getNotifications(5_000);
            assertThat(woken).isNotEmpty().allMatch(n -> n.getName().equals("consilium_outbox"));
        }
    }

    @Test
    void eventsCommittedWhileTheBrokerIsDownArriveOnceAndInOrderPerCase() throws Exception {
        Assumptions.assumeTrue(Broker.managedByScripts(),
                "the broker on this machine was not started by deploy/local/kafka.sh, so the test may not stop it");
        String run = UUID.randomUUID().toString();
        List<String> keys = List.of(run + "-a", run + "-b", run + "-c");
        int perKey = 10;
        Set<String> submittedCases;

        Coverage.covered("t-" + run, "M-1", "M-2");
        Broker.stop();
        try {
            for (int seq = 1; seq <= perKey; seq++) {
                for (String key : keys) {
                    int n = seq;
                    QuarkusTransaction.requiringNew().run(() -> outbox.append(new OutgoingEvent(TOPIC,
                            "consilium.test.numbered.v1", key, "acme", new Numbered(run, n, "outage"))));
                }
            }
            // The real flow too: intake keeps working while the broker is away.
            String partner = Tokens.partner("t-" + run);
            submittedCases = Set.of(openAndSubmit(partner, Intakes.valid("M-1")), openAndSubmit(partner, Intakes.valid("M-2")));

            long pending = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from outbox_event where sent_at is null and topic = ?1")
                    .setParameter(1, TOPIC).getSingleResult()).longValue());
            assertThat(pending).as("events wait in the outbox while the broker is down").isEqualTo(keys.size() * perKey);
        } finally {
            Broker.start();
        }

        List<ConsumerRecord<String, String>> records = Broker.readUntil(kafka, TOPIC,
                seen -> seen.stream().filter(r -> keys.contains(r.key())).count() >= (long) keys.size() * perKey,
                Duration.ofSeconds(120));
        Map<String, List<Integer>> seqByKey = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            if (keys.contains(r.key())) {
                seqByKey.computeIfAbsent(r.key(), k -> new ArrayList<>())
                        .add(json.readValue(r.value(), Numbered.class).seq());
                ids.add(new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
            }
        }
        assertThat(ids).as("each event exactly once").doesNotHaveDuplicates().hasSize(keys.size() * perKey);
        List<Integer> expected = java.util.stream.IntStream.rangeClosed(1, perKey).boxed().toList();
        keys.forEach(key -> assertThat(seqByKey.get(key)).as("order of " + key).isEqualTo(expected));

        List<ConsumerRecord<String, String>> caseRecords = Broker.readUntil(kafka, "consilium.case.events",
                seen -> seen.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(submittedCases),
                Duration.ofSeconds(60));
        assertThat(caseRecords.stream().filter(r -> submittedCases.contains(r.key()))).hasSize(2);
    }
}
