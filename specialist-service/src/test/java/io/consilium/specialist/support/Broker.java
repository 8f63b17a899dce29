package io.consilium.specialist.support;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** The real Kafka broker of {@code deploy/local}: read our topic, publish case events as case-service would. */
public final class Broker {

    public static final String CASE_TOPIC = "consilium.case.events";

    private Broker() {
    }

    public static KafkaCompanion companion() {
        return new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    /** Reads the topic from the beginning (fresh group) until {@code until} holds; fails after {@code timeout}. */
    public static List<ConsumerRecord<String, String>> readUntil(KafkaCompanion companion, String topic,
                                                                  Predicate<List<ConsumerRecord<String, String>>> until,
                                                                  Duration timeout) {
        var task = companion.consumeStrings()
                .withGroupId("test-" + UUID.randomUUID())
                .withAutoCommit()
                .fromTopics(topic);
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(100))
                    .until(() -> until.test(List.copyOf(task.getRecords())));
            return List.copyOf(task.getRecords());
        } finally {
            task.stop();
        }
    }

    /** Publishes a case event in CloudEvents binary mode, keyed by case id, as case-service's relay does. */
    public static void publishCaseEvent(KafkaCompanion companion, UUID eventId, String type, String caseId,
                                        String tenant, String json) {
        publishCaseEvent(companion, caseId, eventId, type, caseId, tenant, json);
    }

    /** The same with another Kafka key than the case id, to put two cases' events on one partition in order. */
    public static void publishCaseEvent(KafkaCompanion companion, String key, UUID eventId, String type, String caseId,
                                        String tenant, String json) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(header("ce_specversion", "1.0"));
        headers.add(header("ce_id", eventId.toString()));
        headers.add(header("ce_type", type));
        headers.add(header("ce_source", "/case-service"));
        headers.add(header("ce_subject", caseId));
        headers.add(header("ce_time", OffsetDateTime.now().toString()));
        headers.add(header("ce_tenant", tenant));
        headers.add(header("content-type", "application/json"));
        companion.produceStrings()
                .fromRecords(new ProducerRecord<>(CASE_TOPIC, null, key, json, headers))
                .awaitCompletion(Duration.ofSeconds(20));
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
