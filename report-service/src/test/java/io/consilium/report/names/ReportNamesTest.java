package io.consilium.report.names;

import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.consilium.report.support.Db;
import io.consilium.report.support.Panel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Reports name their author, reviewer and releaser with role, as the token (or the specialist directory, through
 * specialist.accepted) named them at the time, and their events carry those names for the timeline.
 */
@QuarkusTest
class ReportNamesTest {

    private final KafkaCompanion kafka = Broker.companion();

    @Inject
    Db db;

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void authorReviewerAndReleaserAreNamedInTheViewsAndEvents() {
        Panel p = Panel.of(1, kafka);
        String report = p.reportIds.get(0);
        String author = Tokens.named(p.subjects.get(0), null, "Dr. Kenji Ito", "specialist");
        String doctor = Tokens.named(p.doctorId, p.tenant, "Dr. Carla Ruiz", "case-manager");

        given().auth().oauth2(author).contentType(ContentType.JSON).body(Panel.content("REFINED", "NO", "Active surveillance"))
                .put("/api/v1/reports/{id}/draft", report).then().statusCode(200);
        given().auth().oauth2(author).post("/api/v1/reports/{id}/submit", report).then().statusCode(200)
                .body("author.name", equalTo("Dr. Kenji Ito")).body("author.role", equalTo("specialist"));
        given().auth().oauth2(doctor).post("/api/v1/reports/{id}/approval", report).then().statusCode(200)
                .body("reviewedBy.name", equalTo("Dr. Carla Ruiz")).body("reviewedBy.role", equalTo("case-manager"));
        given().auth().oauth2(doctor).post("/api/v1/cases/{id}/reports/release", p.caseId).then().statusCode(200);

        given().auth().oauth2(p.patient).get("/api/v1/reports/{id}", report).then().statusCode(200)
                .body("author.subject", equalTo(p.subjects.get(0)))
                .body("author.name", equalTo("Dr. Kenji Ito"))
                .body("reviewedBy.name", equalTo("Dr. Carla Ruiz"))
                .body("releasedBy.name", equalTo("Dr. Carla Ruiz"))
                .body("releasedBy.subject", equalTo(p.doctorId))
                .body("releasedBy.role", equalTo("case-manager"));
        given().auth().oauth2(p.patient).get("/api/v1/reports/{id}/versions", report).then().statusCode(200)
                .body("[0].createdBy.name", equalTo("Dr. Kenji Ito"))
                .body("[0].createdBy.role", equalTo("specialist"));

        assertThat(db.count("select count(*) from outbox_event where subject = ?1 and type = 'consilium.report.submitted.v1'"
                + " and payload->>'specialistName' = 'Dr. Kenji Ito'", p.caseId)).isEqualTo(1);
        assertThat(db.count("select count(*) from outbox_event where subject = ?1 and type = 'consilium.report.approved.v1'"
                + " and payload->>'approvedByName' = 'Dr. Carla Ruiz'", p.caseId)).isEqualTo(1);
        assertThat(db.count("select count(*) from outbox_event where subject = ?1 and type = 'consilium.report.released.v1'"
                + " and payload->>'releasedByName' = 'Dr. Carla Ruiz' and payload->>'releasedBy' = ?2", p.caseId,
                p.doctorId)).isEqualTo(1);
        // and the audit records of every step carry the actor's name beside the role
        assertThat(db.count("select count(*) from outbox_event where subject = ?1 and type = "
                + "'consilium.audit.access-recorded.v1' and payload->>'action' = 'APPROVE'"
                + " and payload->>'displayName' = 'Dr. Carla Ruiz' and payload->>'role' = 'case-manager'", p.caseId))
                .isEqualTo(1);
    }

    @Test
    void beforeTheAuthorWritesTheDirectorysNameFromTheAcceptanceIsShown() {
        Panel p = Panel.of(1, kafka);
        String subject = "sp-" + UUID.randomUUID();
        Broker.publish(kafka, Panel.SPECIALIST_TOPIC, "consilium.specialist.accepted.v1", p.caseId, p.tenant, """
                {"caseId":"%s","tenant":"%s","invitationId":"%s","specialistId":"%s","specialistSubject":"%s",
                 "specialistName":"Dr. Lucía Ortega","country":"ES","acceptedAt":"%s"}"""
                .formatted(p.caseId, p.tenant, UUID.randomUUID(), UUID.randomUUID(), subject, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> reports = given().auth().oauth2(p.doctor).get("/api/v1/cases/{id}/reports", p.caseId)
                    .then().statusCode(200).extract().jsonPath().getList("findAll { it.specialistSubject == '" + subject + "' }.author");
            assertThat(reports).hasSize(1);
            assertThat(reports.get(0)).containsEntry("name", "Dr. Lucía Ortega").containsEntry("role", "specialist");
        });
        // an author whose acceptance named nobody is shown by subject
        given().auth().oauth2(p.doctor).get("/api/v1/reports/{id}", p.reportIds.get(0)).then().statusCode(200)
                .body("author.name", equalTo(p.subjects.get(0)));
    }
}
