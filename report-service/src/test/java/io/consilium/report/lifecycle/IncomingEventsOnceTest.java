package io.consilium.report.lifecycle;

import io.consilium.platform.testing.Broker;
import io.consilium.report.support.Panel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Incoming events are applied once however often they are delivered; unknown types change nothing. */
@QuarkusTest
class IncomingEventsOnceTest {

    @Inject
    EntityManager em;

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void anAcceptanceDeliveredTwiceOpensOneDraft() {
        Panel p = Panel.of(1, kafka);
        UUID accepted = UUID.randomUUID();
        String body = """
                {"caseId":"%s","tenant":"%s","invitationId":"%s","specialistId":"%s","specialistSubject":"sp-twice",
                 "country":"FR","acceptedAt":"%s"}""".formatted(p.caseId, p.tenant, UUID.randomUUID(), UUID.randomUUID(),
                Instant.now());
        Broker.publish(kafka, Panel.SPECIALIST_TOPIC, accepted, "consilium.specialist.accepted.v1", p.caseId, p.tenant, body);
        Broker.publish(kafka, Panel.SPECIALIST_TOPIC, accepted, "consilium.specialist.accepted.v1", p.caseId, p.tenant, body);
        Broker.publish(kafka, Panel.SPECIALIST_TOPIC, "consilium.specialist.something-new.v9", p.caseId, p.tenant, "{}");
        // Same topic and key, so the same partition: once the marker is applied, all before it were.
        UUID marker = p.accept(kafka);
        awaitApplied(marker);

        assertThat(count("select count(*) from inbox_event where consumer = 'report-inputs' and event_id = ?1", accepted))
                .isEqualTo(1);
        assertThat(count("select count(*) from report where case_id = ?1 and specialist_subject = 'sp-twice'",
                UUID.fromString(p.caseId))).isEqualTo(1);
        given().auth().oauth2(p.doctor).get("/api/v1/cases/{id}/reports", p.caseId).then().statusCode(200)
                .body("size()", equalTo(3));
    }

    @Test
    void aRevokedPartnerConsentCutsThePartnersAccessAtOnce() {
        Panel p = Panel.released(kafka, "en");
        String report = p.reportIds.get(0);
        given().auth().oauth2(p.partner).get("/api/v1/reports/{id}", report).then().statusCode(404);
        UUID consent = UUID.randomUUID();
        UUID granted = Broker.publish(kafka, Panel.CASE_TOPIC, "consilium.case.consent-granted.v1", p.caseId, p.tenant, """
                {"caseId":"%s","tenant":"%s","consentId":"%s","purpose":"REPORT_TO_PARTNER","specialistSubjects":[],
                 "countries":[],"grantedAt":"%s"}""".formatted(p.caseId, p.tenant, consent, Instant.now()));
        awaitApplied(granted);
        given().auth().oauth2(p.partner).get("/api/v1/reports/{id}", report).then().statusCode(200)
                .body("state", equalTo("RELEASED"));
        UUID revoked = Broker.publish(kafka, Panel.CASE_TOPIC, "consilium.case.consent-revoked.v1", p.caseId, p.tenant, """
                {"caseId":"%s","tenant":"%s","consentId":"%s","purpose":"REPORT_TO_PARTNER","revokedAt":"%s"}"""
                .formatted(p.caseId, p.tenant, consent, Instant.now()));
        awaitApplied(revoked);
        given().auth().oauth2(p.partner).get("/api/v1/reports/{id}", report).then().statusCode(404);
    }

    private void awaitApplied(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("select count(*) from inbox_event where event_id = ?1", eventId) == 1);
    }

    private long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }
}
