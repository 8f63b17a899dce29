package io.consilium.report.lifecycle;

import io.consilium.platform.testing.Broker;
import io.consilium.report.support.Db;
import io.consilium.report.support.Panel;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Report PDFs (also through share links), FHIR exports and report JSON are never cached nor sniffed. */
@QuarkusTest
class ClinicalHeadersTest {

    private final KafkaCompanion kafka = Broker.companion();

    @Inject
    Db db;

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void everyOutputOfAReportIsNoStoreAndNosniff() {
        Panel p = Panel.released(kafka, "en");
        String report = p.reportIds.get(0);
        clinical(given().auth().oauth2(p.patient).get("/api/v1/reports/{id}/pdf?kind=full", report).then()
                .statusCode(200).contentType("application/pdf"));
        clinical(given().auth().oauth2(p.patient).get("/api/v1/reports/{id}/fhir", report).then()
                .statusCode(200).contentType("application/fhir+json"));
        clinical(given().auth().oauth2(p.patient).get("/api/v1/reports/{id}", report).then().statusCode(200));
        consentToTreatingDoctor(p);
        String token = shareLink(p);
        clinical(given().get("/api/v1/shared-reports/{t}", token).then().statusCode(200).contentType("application/pdf"));
    }

    private void consentToTreatingDoctor(Panel p) {
        UUID granted = Broker.publish(kafka, Panel.CASE_TOPIC, "consilium.case.consent-granted.v1", p.caseId, p.tenant, """
                {"caseId":"%s","tenant":"%s","consentId":"%s","purpose":"REPORT_TO_TREATING_DOCTOR",
                 "specialistSubjects":[],"countries":[],"grantedAt":"%s"}"""
                .formatted(p.caseId, p.tenant, UUID.randomUUID(), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> db.count("select count(*) from inbox_event where event_id = ?1", granted) == 1);
    }

    private static String shareLink(Panel p) {
        return given().auth().oauth2(p.patient).contentType(ContentType.JSON).body(Map.of("validHours", 24))
                .post("/api/v1/cases/{id}/share-links", p.caseId).then().statusCode(201).extract().path("token");
    }

    private static void clinical(ValidatableResponse answer) {
        answer.header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
    }
}
