package io.consilium.cases.lifecycle;

import io.consilium.cases.support.Journey;
import io.consilium.platform.testing.Broker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Issue 12: the personal doctor changes a question after reports were approved, report-service reopens them
 * ({@code consilium.report.reopened.v1}). Their approvals no longer count: a case whose panel was all approved is
 * IN_REVIEW again (so the doctor may still change questions), and REPORT_READY only once every report of the panel
 * is approved again.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReportReopenedTest {

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void reopenedReportsTakeTheCaseBackToReviewUntilTheWholePanelIsApprovedAgain() {
        Journey j = Journey.readyForReview();
        j.consentToSpecialists();
        j.post(j.doctor, "review-requests", Map.of("panelSize", 2));
        Broker.publish(kafka, "consilium.specialist.events", "consilium.specialist.panel-assembled.v1", j.caseId,
                j.tenant, "{\"caseId\":\"" + j.caseId + "\",\"specialists\":[]}");
        j.awaitState("IN_REVIEW");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        approved(j, first);
        approved(j, second);
        j.awaitState("REPORT_READY");
        editQuestions(j).statusCode(409);

        reopened(j, first);
        j.awaitState("IN_REVIEW");
        editQuestions(j).statusCode(200);
        reopened(j, second);
        // the second report approved again: the first one's earlier approval no longer counts
        UUID again = approved(j, second);
        awaitApplied(again);
        given().auth().oauth2(j.doctor).get("/api/v1/cases/{id}", j.caseId).then().body("state", equalTo("IN_REVIEW"));
        approved(j, first);
        j.awaitState("REPORT_READY");
        given().auth().oauth2(j.partner).get("/api/v1/cases/{id}/timeline", j.caseId).then().statusCode(200)
                .body("type", hasItem("consilium.report.reopened.v1"));
    }

    private UUID approved(Journey j, UUID report) {
        return Broker.publish(kafka, "consilium.report.events", "consilium.report.approved.v1", j.caseId, j.tenant,
                "{\"reportId\":\"" + report + "\",\"version\":1,\"approvedBy\":\"" + j.doctorId + "\",\"at\":\""
                        + Instant.now() + "\"}");
    }

    private void reopened(Journey j, UUID report) {
        Broker.publish(kafka, "consilium.report.events", "consilium.report.reopened.v1", j.caseId, j.tenant, """
                {"caseId":"%s","tenant":"%s","reportId":"%s","version":1,"specialistSubject":"sp-1",
                 "reason":"QUESTIONS_CHANGED","questions":["WAIT_AND_SEE"],"at":"%s"}"""
                .formatted(j.caseId, j.tenant, report, Instant.now()));
    }

    /** Waits until case-progress has applied the event (its inbox row). */
    private static void awaitApplied(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> ((Number) io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                        .createNativeQuery("select count(*) from inbox_event where consumer = 'case-progress' "
                                + "and event_id = ?1").setParameter(1, eventId).getSingleResult()).longValue() == 1));
    }

    private static ValidatableResponse editQuestions(Journey j) {
        String etag = given().auth().oauth2(j.doctor).get("/api/v1/cases/{id}", j.caseId).then().statusCode(200)
                .extract().header("ETag");
        return given().auth().oauth2(j.doctor).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("reasons", List.of("CONFIRM_DIAGNOSIS"), "questions", List.of("DIAGNOSIS_CORRECT", "WAIT_AND_SEE")))
                .when().put("/api/v1/cases/{id}/questions", j.caseId).then();
    }
}
