package io.consilium.document.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
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

/** The real Kafka broker of {@code deploy/local}: write CloudEvents to topics, read topics back. */
public final class Broker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Broker() {
    }

    public static KafkaCompanion companion() {
        return new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    /** Publishes a binary-mode CloudEvent keyed by case id, as the owning service's outbox relay would. */
    public static UUID publish(KafkaCompanion kafka, String topic, String type, String caseId, String tenant,
                               String json) {
        return publish(kafka, topic, UUID.randomUUID(), type, caseId, tenant, json);
    }

    /** As {@link #publish(KafkaCompanion, String, String, String, String, String)} with a given event id (redelivery). */
    public static UUID publish(KafkaCompanion kafka, String topic, UUID id, String type, String caseId, String tenant,
                               String json) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(header("ce_specversion", "1.0"));
        headers.add(header("ce_id", id.toString()));
        headers.add(header("ce_type", type));
        headers.add(header("ce_source", "/test"));
        headers.add(header("ce_subject", caseId));
        headers.add(header("ce_time", OffsetDateTime.now().toString()));
        headers.add(header("ce_tenant", tenant));
        headers.add(header("content-type", "application/json"));
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(topic, null, caseId, json, headers))
                .awaitCompletion(Duration.ofSeconds(20));
        return id;
    }

    /** A record that is not a CloudEvent, or whose value is not JSON. */
    public static void publishRaw(KafkaCompanion kafka, String topic, String key, RecordHeaders headers, String value) {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(topic, null, key, value, headers))
                .awaitCompletion(Duration.ofSeconds(20));
    }

    /** Reads the whole topic (fresh group) until {@code until} holds for the records seen, within {@code timeout}. */
    public static List<ConsumerRecord<String, String>> readUntil(KafkaCompanion kafka, String topic,
                                                                  Predicate<List<ConsumerRecord<String, String>>> until,
                                                                  Duration timeout) {
        var task = kafka.consumeStrings()
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

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static JsonNode json(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
