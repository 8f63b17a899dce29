package io.consilium.report.consumers;

import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.consilium.report.support.Db;
import io.consilium.report.support.Panel;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** An acceptance that breaks the contract is filed as a dead letter for ops; the consumer carries on. */
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

        // filed for ops in the service's own dead letters, not applied, with the contract named
        given().auth().oauth2(Tokens.ops("olivia")).queryParam("caseId", caseId)
                .when().get("/api/v1/ops/dead-letters")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].eventId", equalTo(broken.toString()))
                .body("items[0].consumer", equalTo("report-inputs"))
                .body("items[0].status", equalTo("OPEN"))
                .body("items[0].contractBroken", equalTo(true))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].error", containsString("SpecialistAccepted"));
    }

    @Test
    void aRevocationWithoutItsPurposeIsABrokenContractFiledAtOnce() {
        // report-service once failed this with a NullPointerException, retried it and filed it as retryable
        String caseId = UUID.randomUUID().toString();
        String tenant = "t-" + UUID.randomUUID();
        UUID revoked = Broker.publish(kafka, Panel.CASE_TOPIC, "consilium.case.consent-revoked.v1", caseId, tenant,
                "{\"caseId\":\"%s\",\"tenant\":\"%s\",\"consentId\":\"%s\",\"revokedAt\":\"2026-12-01T10:00:00Z\"}"
                        .formatted(caseId, tenant, UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(Tokens.ops("olivia")).queryParam("caseId", caseId)
                        .when().get("/api/v1/ops/dead-letters")
                        .then().statusCode(200)
                        .body("items", hasSize(1))
                        .body("items[0].eventId", equalTo(revoked.toString()))
                        .body("items[0].contractBroken", equalTo(true))
                        .body("items[0].attempts", equalTo(1))
                        .body("items[0].error", containsString("purpose")));
    }

    @Test
    void aCaseReachesThePatientAccountLinkedAfterItsSubmission() {
        String caseId = UUID.randomUUID().toString();
        String tenant = "t-" + UUID.randomUUID();
        Broker.publish(kafka, Panel.CASE_TOPIC, "consilium.case.submitted.v1", caseId, tenant, """
                {"caseId":"%s","tenant":"%s","memberId":"M-1","patientId":null,"requestedSpecialty":"urology",
                 "preferredLanguage":"en","countryOfResidence":"ES","questions":["PROGNOSIS"]}""".formatted(caseId, tenant));
        Broker.publish(kafka, Panel.CASE_TOPIC, "consilium.case.patient-linked.v1", caseId, tenant, """
                {"caseId":"%s","tenant":"%s","memberId":"M-1","patientId":"p-linked","linkedAt":"2026-12-01T10:00:00Z"}"""
                .formatted(caseId, tenant));
        // a later, different link changes nothing: a case never moves to another patient
        Broker.publish(kafka, Panel.CASE_TOPIC, "consilium.case.patient-linked.v1", caseId, tenant, """
                {"caseId":"%s","tenant":"%s","memberId":"M-1","patientId":"p-other","linkedAt":"2026-12-01T11:00:00Z"}"""
                .formatted(caseId, tenant));
        UUID after = Broker.publish(kafka, Panel.CASE_TOPIC, "consilium.case.manager-assigned.v1", caseId, tenant, """
                {"caseId":"%s","tenant":"%s","managerId":"dr-1"}""".formatted(caseId, tenant));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                db.count("select count(*) from inbox_event where event_id = ?1", after) == 1);
        assertThat(db.count("select count(*) from case_file where case_id = ?1 and patient_id = 'p-linked'",
                UUID.fromString(caseId))).isEqualTo(1);
    }
}
