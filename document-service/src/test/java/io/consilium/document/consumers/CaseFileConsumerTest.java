package io.consilium.document.consumers;

import io.consilium.document.support.CaseFacts;
import io.consilium.platform.testing.Broker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

/**
 * The case-file consumer applies each event once however often it is delivered, and skips records it cannot
 * use without stopping.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CaseFileConsumerTest {

    private static final String ASSIGNED = "consilium.case.manager-assigned.v1";
    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void redeliveredEventIsNotAppliedAgain() {
        CaseFacts facts = new CaseFacts(kafka).submittedAndAssigned("oncology");
        UUID first = UUID.randomUUID();
        Broker.publish(kafka, CaseFacts.CASE_TOPIC, first, ASSIGNED, facts.caseId, facts.tenant, assigned(facts, "m-first"));
        Broker.publish(kafka, CaseFacts.CASE_TOPIC, ASSIGNED, facts.caseId, facts.tenant, assigned(facts, "m-second"));
        facts.awaitFile(f -> "m-second".equals(f.managerId));
        // The first assignment arrives again (at-least-once delivery): the case stays with the second manager.
        Broker.publish(kafka, CaseFacts.CASE_TOPIC, first, ASSIGNED, facts.caseId, facts.tenant, assigned(facts, "m-first"));
        facts.recordsRequested("[{\"code\":\"MARKER\",\"label\":\"marker\",\"required\":false}]");
        facts.awaitFile(f -> io.consilium.document.domain.ChecklistItem.ofCaseAndCode(f.caseId, "MARKER") != null);
        facts.awaitFile(f -> "m-second".equals(f.managerId));
    }

    @Test
    void unusableRecordsAreSkippedWithoutStoppingTheConsumer() {
        CaseFacts facts = new CaseFacts(kafka).submittedAndAssigned("oncology");
        Broker.publishRaw(kafka, CaseFacts.CASE_TOPIC, facts.caseId, new RecordHeaders(), "plain text, no CloudEvent");
        Broker.publish(kafka, CaseFacts.CASE_TOPIC, ASSIGNED, facts.caseId, facts.tenant, "not json {");
        Broker.publish(kafka, CaseFacts.CASE_TOPIC, ASSIGNED, "not-a-case-id", facts.tenant, assigned(facts, "m-x"));
        Broker.publish(kafka, CaseFacts.CASE_TOPIC, "consilium.future.unknown.v9", facts.caseId, facts.tenant, "{}");
        Broker.publish(kafka, CaseFacts.CASE_TOPIC, ASSIGNED, facts.caseId, facts.tenant, assigned(facts, "m-after"));
        facts.awaitFile(f -> "m-after".equals(f.managerId));
    }

    private static String assigned(CaseFacts facts, String manager) {
        return """
                {"caseId":"%s","tenant":"%s","managerId":"%s","previousManagerId":null,"assignedAt":"%s"}
                """.formatted(facts.caseId, facts.tenant, manager, Instant.now());
    }
}
