package io.consilium.cases.consumers;

import io.consilium.cases.events.CaseEvents;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.consilium.cases.support.Journey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Other services' events move a case exactly once, however often they are delivered, and only when they fit. */
@QuarkusTest
class IncomingEventsOnceTest {

    private static final String SPECIALIST_TOPIC = "consilium.specialist.events";
    private static final String REPORT_TOPIC = "consilium.report.events";

    @Inject
    EntityManager em;

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void eachEventIsAppliedOnceWhenDeliveredTwice() {
        Journey j = inReview(1);
        UUID released = UUID.randomUUID();
        UUID report = UUID.randomUUID();
        String body = """
                {"releasedAt":"%s","reports":[{"reportId":"%s","diagnosisAssessment":"CHANGED","surgeryNecessary":"YES","treatmentChanged":true}]}"""
                .formatted(Instant.now(), report);
        Broker.publish(kafka, REPORT_TOPIC, released, "consilium.report.released.v1", j.caseId, j.tenant, body);
        Broker.publish(kafka, REPORT_TOPIC, released, "consilium.report.released.v1", j.caseId, j.tenant, body);
        // Same topic and key, so the same partition: once the marker is handled, both copies were.
        UUID marker = Broker.publish(kafka, REPORT_TOPIC, "consilium.report.approved.v1", j.caseId, j.tenant,
                "{\"reportId\":\"" + UUID.randomUUID() + "\"}");
        awaitProcessed(marker);

        given().auth().oauth2(j.doctor).when().get("/api/v1/cases/{id}", j.caseId)
                .then().body("state", equalTo("REPORT_DELIVERED"));
        assertThat(count("select count(*) from inbox_event where consumer = 'case-progress' and event_id = ?1", released))
                .isEqualTo(1);
        assertThat(count("select count(*) from report_outcome where case_id = ?1", UUID.fromString(j.caseId))).isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where subject = ?1 and type = ?2", j.caseId,
                CaseEvents.REPORT_DELIVERED)).as("report-delivered published once").isEqualTo(1);
    }

    @Test
    void eventsThatNoLongerFitTheCaseChangeNothing() {
        Journey j = Journey.readyForReview();
        given().auth().oauth2(j.patient).contentType(ContentType.JSON).body(Map.of("reason", "found a treatment"))
                .when().post("/api/v1/cases/{id}/cancel", j.caseId).then().statusCode(200);
        UUID assembled = Broker.publish(kafka, SPECIALIST_TOPIC, "consilium.specialist.panel-assembled.v1", j.caseId,
                j.tenant, "{}");
        awaitProcessed(assembled);
        given().auth().oauth2(j.patient).when().get("/api/v1/cases/{id}", j.caseId)
                .then().body("state", equalTo("CANCELLED"));
    }

    @Test
    void reportIsReadyOnlyWhenTheWholePanelIsApproved() {
        Journey j = inReview(2);
        UUID report = UUID.randomUUID();
        Broker.publish(kafka, REPORT_TOPIC, "consilium.report.approved.v1", j.caseId, j.tenant, "{\"reportId\":\"" + report + "\"}");
        UUID again = Broker.publish(kafka, REPORT_TOPIC, "consilium.report.approved.v1", j.caseId, j.tenant,
                "{\"reportId\":\"" + report + "\"}");
        awaitProcessed(again);
        given().auth().oauth2(j.doctor).when().get("/api/v1/cases/{id}", j.caseId).then().body("state", equalTo("IN_REVIEW"));
        Broker.publish(kafka, REPORT_TOPIC, "consilium.report.approved.v1", j.caseId, j.tenant,
                "{\"reportId\":\"" + UUID.randomUUID() + "\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(j.doctor).when().get("/api/v1/cases/{id}", j.caseId)
                        .then().body("state", equalTo("REPORT_READY")));
    }

    @Test
    void eventsFromAnotherTopicThatOvertakeThePanelAreNotLost() {
        // approvals before panel-assembled: the panel's arrival finds them and the report is ready at once
        Journey early = reviewRequested(1);
        UUID approval = Broker.publish(kafka, REPORT_TOPIC, "consilium.report.approved.v1", early.caseId, early.tenant,
                "{\"reportId\":\"" + UUID.randomUUID() + "\"}");
        awaitProcessed(approval);
        Broker.publish(kafka, SPECIALIST_TOPIC, "consilium.specialist.panel-assembled.v1", early.caseId, early.tenant, "{}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(early.doctor).when().get("/api/v1/cases/{id}", early.caseId)
                        .then().body("state", equalTo("REPORT_READY")));

        // the release before panel-assembled: it proves the panel, so the report is delivered
        Journey late = reviewRequested(1);
        Broker.publish(kafka, REPORT_TOPIC, "consilium.report.released.v1", late.caseId, late.tenant, """
                {"releasedAt":"%s","reports":[{"reportId":"%s","diagnosisAssessment":"CONFIRMED","surgeryNecessary":"NO","treatmentChanged":false}]}"""
                .formatted(Instant.now(), UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(late.doctor).when().get("/api/v1/cases/{id}", late.caseId)
                        .then().body("state", equalTo("REPORT_DELIVERED")));
        UUID assembled = Broker.publish(kafka, SPECIALIST_TOPIC, "consilium.specialist.panel-assembled.v1", late.caseId,
                late.tenant, "{}");
        awaitProcessed(assembled);
        given().auth().oauth2(late.doctor).when().get("/api/v1/cases/{id}", late.caseId)
                .then().body("state", equalTo("REPORT_DELIVERED"));
    }

    @Test
    void anEventNamingAnotherTenantMovesNothingAndIsFiledNotShown() {
        Journey j = reviewRequested(1);
        Broker.publish(kafka, SPECIALIST_TOPIC, "consilium.specialist.panel-assembled.v1", j.caseId, "t-intruder", "{}");
        String ops = Tokens.ops("olivia");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(ops).queryParam("caseId", j.caseId).when().get("/api/v1/ops/dead-letters")
                        .then().statusCode(200)
                        .body("items.consumer", containsInAnyOrder("case-progress", "case-timeline"))
                        .body("items[0].tenant", equalTo("t-intruder"))
                        .body("items[0].contractBroken", equalTo(true)));
        given().auth().oauth2(j.doctor).when().get("/api/v1/cases/{id}", j.caseId)
                .then().body("state", equalTo("READY_FOR_REVIEW"));
        given().auth().oauth2(j.partner).when().get("/api/v1/cases/{id}/timeline", j.caseId)
                .then().statusCode(200).body("type", not(hasItem("consilium.specialist.panel-assembled.v1")));

        Broker.publish(kafka, SPECIALIST_TOPIC, "consilium.specialist.panel-assembled.v1", j.caseId, j.tenant, "{}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(j.doctor).when().get("/api/v1/cases/{id}", j.caseId)
                        .then().body("state", equalTo("IN_REVIEW")));
    }

    @Test
    void aNoticeAboutAWebhookEndpointIsNotTakenForACaseEvent() {
        // notification-service's endpoint-disabled notice: its subject is the endpoint, not a case
        UUID endpoint = UUID.randomUUID();
        String notificationTopic = "consilium.notification.events";
        UUID notice = Broker.publish(kafka, notificationTopic, "consilium.notification.endpoint-disabled.v1",
                endpoint.toString(), "acme", """
                        {"endpointId":"%s","tenant":"acme","reason":"Every delivery failed","disabledAt":"%s"}"""
                        .formatted(endpoint, Instant.now()));
        // same key, so the same partition: once this one is in the timeline, the notice before it was handled
        UUID marker = Broker.publish(kafka, notificationTopic, "consilium.notification.delivered.v1",
                endpoint.toString(), "acme", "{}");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from inbox_event where event_id = ?1 and consumer = 'case-timeline'", marker) == 1);
        assertThat(count("select count(*) from case_timeline_entry where event_id = ?1", notice)).isZero();
        assertThat(count("select count(*) from inbox_event where event_id = ?1", notice)).isZero();
        assertThat(count("select count(*) from dead_letter where event_id = ?1", notice)).isZero();
    }

    @Test
    void noCandidateLetsTheDoctorAskAgain() {
        Journey j = Journey.readyForReview();
        j.consentToSpecialists();
        j.post(j.doctor, "review-requests", Map.of("panelSize", 1));
        UUID none = Broker.publish(kafka, SPECIALIST_TOPIC, "consilium.specialist.no-candidate.v1", j.caseId, j.tenant,
                "{\"reason\":\"nobody free\",\"missing\":1}");
        awaitProcessed(none);
        j.post(j.doctor, "review-requests", Map.of("panelSize", 1));
    }

    private Journey reviewRequested(int panelSize) {
        Journey j = Journey.readyForReview();
        j.consentToSpecialists();
        j.post(j.doctor, "review-requests", Map.of("panelSize", panelSize));
        return j;
    }

    private Journey inReview(int panelSize) {
        Journey j = reviewRequested(panelSize);
        Broker.publish(kafka, SPECIALIST_TOPIC, "consilium.specialist.panel-assembled.v1", j.caseId, j.tenant, "{}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(j.doctor).when().get("/api/v1/cases/{id}", j.caseId)
                        .then().body("state", equalTo("IN_REVIEW")));
        return j;
    }

    /** The progress consumer's inbox shows which events it has handled. */
    private void awaitProcessed(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from inbox_event where event_id = ?1 and consumer = 'case-progress'", eventId) > 0);
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
