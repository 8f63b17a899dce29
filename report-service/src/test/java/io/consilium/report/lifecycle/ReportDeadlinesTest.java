package io.consilium.report.lifecycle;

import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.TestClock;
import io.consilium.report.service.ReportDeadlines;
import io.consilium.report.support.Db;
import io.consilium.report.support.Panel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Report deadlines: the plan's time to report, from the acceptance (specialist.accepted's {@code reportDueBy}). A
 * report not submitted by then is flagged once ({@code consilium.report.overdue.v1}, in the case's timeline for the
 * personal doctor and ops); it may still be submitted, and its submission says it was late. Under a test clock.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReportDeadlinesTest {

    private final KafkaCompanion kafka = Broker.companion();

    @Inject
    TestClock clock;
    @Inject
    Db db;
    @Inject
    ReportDeadlines deadlines;

    @AfterEach
    void close() {
        clock.reset();
        kafka.close();
    }

    @Test
    void aReportPastItsDeadlineIsFlaggedOnceAndStillTakenButMarkedLate() {
        Instant dueBy = clock.instant().plus(Duration.ofHours(72)).truncatedTo(ChronoUnit.MILLIS);
        Panel p = Panel.withDeadline(2, kafka, dueBy);
        // the first specialist reports in time
        p.saveDraft(0, Panel.content("CONFIRMED", "NO", "Active surveillance")).statusCode(200);
        p.submit(0).statusCode(200);
        deadlines.flagOverdue();
        assertThat(overdueEvents(p)).isZero();
        given().auth().oauth2(p.specialists.get(1)).get("/api/v1/reports/{id}", p.reportIds.get(1)).then()
                .statusCode(200).body("deadline.dueBy", notNullValue()).body("deadline.overdueAt", nullValue());

        clock.advance(Duration.ofHours(73));
        assertThat(deadlines.flagOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(deadlines.flagOverdue()).as("once per report").isZero();
        assertThat(overdueEvents(p)).isEqualTo(1);
        assertThat(db.count("select count(*) from outbox_event where subject = ?1 and type = "
                + "'consilium.report.overdue.v1' and payload->>'reportId' = ?2 and payload->>'specialistSubject' = ?3",
                p.caseId, p.reportIds.get(1), p.subjects.get(1))).isEqualTo(1);
        given().auth().oauth2(p.doctor).get("/api/v1/reports/{id}", p.reportIds.get(1)).then().statusCode(200)
                .body("deadline.overdueAt", notNullValue());

        // late, but taken: the opinion is not lost, and the submission says it came late
        p.saveDraft(1, Panel.content("REFINED", "NO", "Active surveillance")).statusCode(200);
        p.submit(1).statusCode(200).body("state", equalTo("SUBMITTED")).body("deadline.submittedLate", equalTo(true));
        given().auth().oauth2(p.doctor).get("/api/v1/reports/{id}", p.reportIds.get(0)).then()
                .body("deadline.submittedLate", equalTo(false)).body("deadline.overdueAt", nullValue());
        assertThat(db.count("select count(*) from outbox_event where subject = ?1 and type = "
                + "'consilium.report.submitted.v1' and payload->>'late' = 'true' and payload->>'reportId' = ?2",
                p.caseId, p.reportIds.get(1))).isEqualTo(1);
        assertThat(db.count("select count(*) from outbox_event where subject = ?1 and type = "
                + "'consilium.report.submitted.v1' and payload->>'late' = 'false' and payload->>'reportId' = ?2",
                p.caseId, p.reportIds.get(0))).isEqualTo(1);
    }

    private long overdueEvents(Panel p) {
        return db.count("select count(*) from outbox_event where subject = ?1 and type = 'consilium.report.overdue.v1'",
                p.caseId);
    }
}
