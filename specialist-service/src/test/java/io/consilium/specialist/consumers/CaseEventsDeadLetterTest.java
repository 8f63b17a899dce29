package io.consilium.specialist.consumers;

import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.consilium.specialist.support.Directory;
import io.consilium.specialist.support.Panels;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** A review request that breaks the contract is filed as a dead letter for ops; the consumer carries on. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CaseEventsDeadLetterTest {

    private final KafkaCompanion kafka = Broker.companion();
    private final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aBrokenReviewRequestIsDeadLetteredAndLaterEventsStillApply() throws Exception {
        String specialty = Directory.uniqueSpecialty();
        Directory.create(Directory.entry("s-" + UUID.randomUUID(), specialty));
        String tenant = "t-" + UUID.randomUUID();
        String broken = UUID.randomUUID().toString();
        Map<String, Object> request = Panels.reviewRequest(broken, tenant, specialty, 7);
        Panels.publish(kafka, UUID.randomUUID(), Panels.REVIEW_REQUESTED, broken, tenant, request);
        // Not a CloudEvent at all: skipped, never dead-lettered.
        kafka.produceStrings().fromRecords(new ProducerRecord<>("consilium.case.events", broken, "plain text"))
                .awaitCompletion(Duration.ofSeconds(20));

        // Same key as the broken one, so the same partition: applied only if the consumer got past it.
        String good = UUID.randomUUID().toString();
        Broker.publish(kafka, "consilium.case.events", broken, UUID.randomUUID(), Panels.REVIEW_REQUESTED, good, tenant,
                json.writeValueAsString(Panels.reviewRequest(good, tenant, specialty, 1)));
        assertThat(Panels.awaitInvitations(good, 1)).hasSize(1);

        // filed for ops in the service's own dead letters, with the broken field named
        given().auth().oauth2(Tokens.ops("olivia")).queryParam("caseId", broken)
                .when().get("/api/v1/ops/dead-letters")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].eventType", equalTo(Panels.REVIEW_REQUESTED))
                .body("items[0].consumer", equalTo("specialist-case-events"))
                .body("items[0].contractBroken", equalTo(true))
                .body("items[0].error", containsString("panelSize"));
    }

    @Test
    void aReviewRequestWhosePayloadNamesAnotherTenantInvitesNobody() {
        String specialty = Directory.uniqueSpecialty();
        Directory.create(Directory.entry("s-" + UUID.randomUUID(), specialty));
        String tenant = "t-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        Panels.publish(kafka, UUID.randomUUID(), Panels.REVIEW_REQUESTED, caseId, tenant,
                Panels.reviewRequest(caseId, "t-someone-else", specialty, 1));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.ops("olivia")).queryParam("caseId", caseId)
                        .when().get("/api/v1/ops/dead-letters")
                        .then().statusCode(200)
                        .body("items", hasSize(1))
                        .body("items[0].tenant", equalTo(tenant))
                        .body("items[0].error", containsString("tenant differs")));
        given().auth().oauth2(Tokens.ops("olivia")).when().get("/api/v1/cases/{id}/panel", caseId)
                .then().statusCode(404);
    }
}
