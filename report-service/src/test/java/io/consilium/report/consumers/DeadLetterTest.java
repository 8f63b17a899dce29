package io.consilium.report.consumers;

import io.consilium.platform.testing.Broker;
import io.consilium.report.support.Db;
import io.consilium.report.support.Panel;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An acceptance that breaks the contract goes to the dead-letter topic; the consumer carries on. */
@QuarkusTest
class DeadLetterTest {

    @Inject
    Db db;

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aBrokenAcceptanceIsDeadLetteredAndLaterEventsStillApply() {
        String caseId = UUID.randomUUID().toString();
        String tenant = "t-" + UUID.randomUUID();
        UUID broken = Broker.publish(kafka, Panel.SPECIALIST_TOPIC, "consilium.specialist.accepted.v1", caseId, tenant,
                "{\"specialistSubject\": [not json");
        // Same key, so the same partition: applied only if the consumer got past the broken record.
        UUID good = Broker.publish(kafka, Panel.SPECIALIST_TOPIC, "consilium.specialist.accepted.v1", caseId, tenant,
                "{\"caseId\":\"%s\",\"tenant\":\"%s\",\"specialistId\":\"%s\",\"specialistSubject\":\"sp-after\"}"
                        .formatted(caseId, tenant, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                db.count("select count(*) from report where case_id = ?1 and specialist_subject = 'sp-after'",
                        UUID.fromString(caseId)) == 1);
        assertThat(db.count("select count(*) from inbox_event where event_id = ?1", broken)).isZero();

        List<ConsumerRecord<String, String>> dead = Broker.readUntil(kafka, "consilium.report.events.dlq",
                seen -> seen.stream().anyMatch(r -> caseId.equals(r.key())), Duration.ofSeconds(30))
                .stream().filter(r -> caseId.equals(r.key())).toList();
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .isEqualTo(broken.toString());
    }
}
