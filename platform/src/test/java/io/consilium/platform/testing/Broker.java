package io.consilium.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * The tests' own real Kafka broker of {@code deploy/local} (port 9192, started by {@code test.sh}): a companion to read and write topics, and the broker's own
 * start and stop scripts for outage tests.
 */
public final class Broker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Path SCRIPT = Path.of("..", "deploy", "local", "kafka.sh").toAbsolutePath().normalize();

    private Broker() {
    }

    public static KafkaCompanion companion() {
        return new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    /**
     * Reads the whole topic from the beginning (fresh group) until {@code until} holds for the records seen;
     * fails the test when it does not hold within {@code timeout}.
     */
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

    /** Publishes a CloudEvent (binary mode) as another service would, keyed by the case id. */
    public static UUID publish(KafkaCompanion companion, String topic, String type, String caseId, String tenant,
                               String json) {
        UUID id = UUID.randomUUID();
        publish(companion, topic, id, type, caseId, tenant, json);
        return id;
    }

    /** The same, with a given event id (to deliver one event twice). */
    public static UUID publish(KafkaCompanion companion, String topic, UUID id, String type, String caseId,
                               String tenant, String json) {
        publish(companion, topic, caseId, id, type, caseId, tenant, json);
        return id;
    }

    /** The same with another Kafka key than the case id (e.g. to put two cases' events on one partition in order). */
    public static void publish(KafkaCompanion companion, String topic, String key, UUID id, String type,
                               String caseId, String tenant, String json) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(header("ce_specversion", "1.0"));
        headers.add(header("ce_id", id.toString()));
        headers.add(header("ce_type", type));
        headers.add(header("ce_source", "/test"));
        headers.add(header("ce_subject", caseId));
        headers.add(header("ce_time", OffsetDateTime.now().toString()));
        if (tenant != null) { // a notice about no case (platform's dead-letter-filed) names no tenant
            headers.add(header("ce_tenant", tenant));
        }
        headers.add(header("content-type", "application/json"));
        companion.produceStrings()
                .fromRecords(new ProducerRecord<>(topic, null, key, json, headers))
                .awaitCompletion(Duration.ofSeconds(20));
    }

    /** A record as it comes: not a CloudEvent, or a value that is not JSON (consumers must skip or dead-letter it). */
    public static void publishRaw(KafkaCompanion companion, String topic, String key, RecordHeaders headers, String value) {
        companion.produceStrings()
                .fromRecords(new ProducerRecord<>(topic, null, key, value, headers))
                .awaitCompletion(Duration.ofSeconds(20));
    }

    /** A consumed record's JSON value. */
    public static JsonNode json(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + value, e);
        }
    }

    /** A header of a consumed record as text, or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code deploy/local/kafka.sh} started the broker (only then may a test stop it). */
    public static boolean managedByScripts() {
        return Files.exists(SCRIPT) && run("status").contains("started by kafka.sh");
    }

    public static void stop() {
        run("stop");
    }

    public static void start() {
        run("start");
    }

    private static String run(String command) {
        try {
            // The tests' own broker (deploy/local/test.sh), on the port the tests are configured with.
            String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
            ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), command).redirectErrorStream(true);
            builder.environment().put("KAFKA_INSTANCE", "test");
            builder.environment().put("TEST_KAFKA_PORT", bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kafka.sh " + command + " timed out");
            }
            if (process.exitValue() != 0 && !command.equals("status")) {
                throw new IllegalStateException("kafka.sh " + command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final Set<String> CAUGHT_UP = ConcurrentHashMap.newKeySet();

    /**
     * Waits, once per consumer group and test JVM, until the group has committed every partition it reads up to its
     * end. A group that reads from the earliest offset starts with the backlog that the modules tested before it
     * left on the shared test broker (thousands of case events); a test that publishes an event and gives its
     * effect 30 s must not wait behind that backlog.
     */
    public static void awaitCaughtUpOnce(String groupId, Duration timeout) {
        if (CAUGHT_UP.contains(groupId)) {
            return;
        }
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> lag(admin, groupId) == 0);
        }
        CAUGHT_UP.add(groupId);
    }

    /** Records the group has still to commit on the partitions assigned to it; unknown while it has no members. */
    private static long lag(Admin admin, String groupId) throws Exception {
        var group = admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
        if (group == null || group.members().isEmpty()) {
            return Long.MAX_VALUE;
        }
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        group.members().forEach(m -> m.assignment().topicPartitions().forEach(tp -> partitions.put(tp, OffsetSpec.latest())));
        if (partitions.isEmpty()) {
            return Long.MAX_VALUE;
        }
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(partitions).all().get();
        Map<TopicPartition, OffsetSpec> starts = new HashMap<>();
        partitions.keySet().forEach(tp -> starts.put(tp, OffsetSpec.earliest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> begins = admin.listOffsets(starts).all().get();
        long lag = 0;
        for (TopicPartition tp : partitions.keySet()) {
            OffsetAndMetadata done = committed.get(tp);
            long from = done != null ? done.offset() : begins.get(tp).offset();
            lag += Math.max(0, ends.get(tp).offset() - from);
        }
        return lag;
    }
}
