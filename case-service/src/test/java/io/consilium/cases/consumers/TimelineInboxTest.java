package io.consilium.cases.consumers;

import io.consilium.cases.domain.TimelineEntry;
import io.consilium.cases.events.CaseEvents;
import io.consilium.cases.support.Coverage;
import io.consilium.cases.support.Intakes;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import static io.consilium.cases.support.CaseApi.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The timeline consumer applies each event once however often Kafka delivers it, and skips what it does not
 * understand without stopping.
 */
@QuarkusTest
class TimelineInboxTest {

    private final KafkaCompanion kafka = Broker.companion();
    private final String tenant = "t-" + UUID.randomUUID();

    @org.junit.jupiter.api.BeforeEach
    void coverMembers() {
        Coverage.covered(tenant, "M-700", "M-701");
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void sameEventDeliveredTwiceIsRecordedOnce() {
        String caseId = open(Tokens.partner(tenant), Intakes.valid("M-700"));
        UUID duplicated = UUID.randomUUID();
        UUID marker = UUID.randomUUID();

        send(caseId, cloudEvent(duplicated, "consilium.specialist.panel-assembled.v1", caseId), "{}");
        send(caseId, cloudEvent(duplicated, "consilium.specialist.panel-assembled.v1", caseId), "{}");
        // Same key, same partition: once the marker is recorded, both copies have been consumed.
        send(caseId, cloudEvent(marker, "consilium.report.released.v1", caseId), "{}");

        awaitRecorded(marker);
        assertThat(entries(duplicated)).isEqualTo(1);
    }

    @Test
    void recordsThatAreNotCaseEventsAreSkippedWithoutStoppingTheConsumer() {
        String caseId = open(Tokens.partner(tenant), Intakes.valid("M-701"));
        UUID marker = UUID.randomUUID();

        send(caseId, new RecordHeaders(), "plain text, no CloudEvent");
        send(caseId, cloudEvent(UUID.randomUUID(), "consilium.case.something.v1", "not-a-case-id"), "{}");
        RecordHeaders badId = cloudEvent(UUID.randomUUID(), "consilium.case.submitted.v1", caseId);
        badId.remove("ce_id");
        badId.add(new RecordHeader("ce_id", "not-a-uuid".getBytes(StandardCharsets.UTF_8)));
        send(caseId, badId, "{}");
        send(caseId, cloudEvent(marker, "consilium.future.unknown-type.v9", caseId), "{\"unknown\": true}");

        awaitRecorded(marker);
        long forCase = QuarkusTransaction.requiringNew().call(() ->
                TimelineEntry.count("caseId", UUID.fromString(caseId)));
        assertThat(forCase).as("only the well-formed event is on the timeline").isEqualTo(1);
    }

    private void awaitRecorded(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(eventId) > 0);
    }

    private static long entries(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> TimelineEntry.count("eventId", eventId));
    }

    private void send(String key, RecordHeaders headers, String value) {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(CaseEvents.TOPIC, null, key, value, headers))
                .awaitCompletion(Duration.ofSeconds(20));
    }

    private RecordHeaders cloudEvent(UUID id, String type, String subject) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(header("ce_specversion", "1.0"));
        headers.add(header("ce_id", id.toString()));
        headers.add(header("ce_type", type));
        headers.add(header("ce_source", "/test"));
        headers.add(header("ce_subject", subject));
        headers.add(header("ce_time", OffsetDateTime.now().toString()));
        headers.add(header("ce_tenant", tenant));
        headers.add(header("content-type", "application/json"));
        return headers;
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
