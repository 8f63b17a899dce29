package io.consilium.report.lifecycle;

import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.consilium.report.support.Db;
import io.consilium.report.support.Panel;
import io.consilium.platform.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Panel consolidation, the PDFs read back, and the treating doctor's share links. */
@QuarkusTest
class OutputsTest {

    @Inject
    TestClock clock;
    @Inject
    Db db;

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        clock.reset();
        kafka.close();
    }

    @Test
    void threeSpecialistsAgreeingOnTwoPointsAndDifferingOnSurgery() {
        Panel p = Panel.of(3, kafka);
        p.approved(0, "CONFIRMED", "NO", "Active surveillance");
        p.approved(1, "CONFIRMED", "NO", "active surveillance.");
        p.approved(2, "CONFIRMED", "YES", "Active Surveillance");
        given().auth().oauth2(p.doctor).get("/api/v1/cases/{id}/consolidation", p.caseId).then()
                .statusCode(200)
                .body("reports", equalTo(3))
                .body("differing", contains("surgeryNecessary"))
                .body("points.point", contains("diagnosisAssessment", "diagnosis", "surgeryNecessary",
                        "recommendedTreatment", "alternatives", "testsToAdd", "testsToStop", "medications"))
                .body("points.agreed", contains(true, true, false, true, true, true, true, true))
                .body("points.outcome", contains("AGREED", "AGREED", "PARTLY_AGREED", "AGREED", "AGREED", "AGREED",
                        "AGREED", "AGREED"))
                // the same words after normalisation, without a code: agreement on the words, said so
                .body("points[3].basis", equalTo("TEXT"));
        // Before release the patient sees nothing to consolidate; after release the same view.
        given().auth().oauth2(p.patient).get("/api/v1/cases/{id}/consolidation", p.caseId).then()
                .statusCode(200).body("reports", equalTo(0));
        p.release().statusCode(200);
        given().auth().oauth2(p.patient).get("/api/v1/cases/{id}/consolidation", p.caseId).then()
                .statusCode(200).body("differing", contains("surgeryNecessary"));
        given().auth().oauth2(Tokens.patient("p-other", p.tenant))
                .get("/api/v1/cases/{id}/consolidation", p.caseId).then().statusCode(404);
    }

    @Test
    void pdfsCarryTheAnswersAndTheFixedTextsInThePatientsLanguage() throws IOException {
        Panel p = Panel.released(kafka, "es");
        String report = p.reportIds.get(0);
        String summary = text(given().auth().oauth2(p.patient).get("/api/v1/reports/{id}/pdf?kind=summary", report)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray());
        assertThat(summary).contains("Su segunda opinión: resumen", "El especialista precisa su diagnóstico.",
                "Active surveillance", "Mostly correct, the grade is lower", "Surgery is not needed now",
                "¿Es necesaria la cirugía?");
        String full = text(given().auth().oauth2(p.doctor).get("/api/v1/reports/{id}/pdf?kind=full", report)
                .then().statusCode(200).extract().asByteArray());
        assertThat(full).contains("Informe del experto", "NCT01234567", "Radical prostatectomy", "Multiparametric MRI",
                "Excellent ten-year survival", "SHA-256");
        given().auth().oauth2(p.patient).get("/api/v1/reports/{id}/pdf?kind=poster", report).then().statusCode(400)
                .contentType("application/problem+json").body("detail", equalTo("Unknown PDF kind"))
                .body("violations[0].field", equalTo("kind"));
        assertThat(db.count("select count(*) from outbox_event where subject = ?1 and type = "
                + "'consilium.audit.access-recorded.v1' and payload->>'action' = 'DOWNLOAD_PDF'", p.caseId))
                .isEqualTo(2);
    }

    @Test
    void pdfsRenderPolishGreekAndRussianAndMarkWhatTheFontLacks() throws IOException {
        Panel p = Panel.of(1, "en", kafka);
        Map<String, Object> content = Panel.content("CHANGED", "NO", "Zażółć gęślą jaźń");
        content.put("diagnosis", "Διάγνωση επιβεβαιώνεται");
        content.put("answers", List.of(
                Map.of("questionCode", "DIAGNOSIS_CORRECT", "text", "Диагноз подтверждён"),
                // An emoji (outside the BMP) and a CJK ideograph: Liberation Sans has neither.
                Map.of("questionCode", "SURGERY_NECESSARY", "text", "Нет \uD83D\uDE00 \u4E2D")));
        p.saveDraft(0, content).statusCode(200);
        p.submit(0).statusCode(200);
        p.approve(0).statusCode(200);
        p.release().statusCode(200);
        String report = p.reportIds.get(0);

        String summary = text(given().auth().oauth2(p.patient).get("/api/v1/reports/{id}/pdf?kind=summary", report)
                .then().statusCode(200).extract().asByteArray());
        assertThat(summary).contains("Zażółć gęślą jaźń", "Диагноз подтверждён", "Нет [U+1F600] [U+4E2D]");
        String full = text(given().auth().oauth2(p.doctor).get("/api/v1/reports/{id}/pdf?kind=full", report)
                .then().statusCode(200).extract().asByteArray());
        assertThat(full).contains("Διάγνωση επιβεβαιώνεται", "Zażółć gęślą jaźń", "Диагноз подтверждён",
                "Нет [U+1F600] [U+4E2D]");
    }

    @Test
    void aShareLinkWorksUntilItExpiresAndEveryUseIsAudited() throws IOException {
        Panel p = Panel.released(kafka, "de");
        consentToTreatingDoctor(p);
        String token = given().auth().oauth2(p.patient).contentType(ContentType.JSON).body(Map.of("validHours", 24))
                .post("/api/v1/cases/{id}/share-links", p.caseId).then().statusCode(201).extract().path("token");
        String pdf = text(given().get("/api/v1/shared-reports/{t}", token).then().statusCode(200).extract().asByteArray());
        assertThat(pdf).contains("Gutachten", "Active surveillance");

        clock.advance(Duration.ofHours(25));
        given().get("/api/v1/shared-reports/{t}", token).then().statusCode(404)
                .body("type", equalTo("urn:consilium:problem:not-found"));
        assertThat(db.count("select count(*) from outbox_event where subject = ?1 and type = "
                + "'consilium.audit.access-recorded.v1' and payload->>'action' = 'READ_SHARED'", p.caseId))
                .isEqualTo(2);
        assertThat(db.count("select count(*) from outbox_event where subject = ?1 and payload->>'action' = 'READ_SHARED'"
                + " and payload->>'allowed' = 'false'", p.caseId)).isEqualTo(1);
    }

    @Test
    void thePatientRevokesAShareLinkAndOnlyThePatientMayShare() {
        Panel p = Panel.released(kafka, "fr");
        given().auth().oauth2(p.patient).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/cases/{id}/share-links", p.caseId).then().statusCode(422);
        consentToTreatingDoctor(p);
        var created = given().auth().oauth2(p.patient).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/cases/{id}/share-links", p.caseId).then().statusCode(201).extract();
        String token = created.path("token");
        String linkId = created.path("id");
        given().get("/api/v1/shared-reports/{t}", token).then().statusCode(200);
        given().auth().oauth2(p.patient).delete("/api/v1/cases/{id}/share-links/{l}", p.caseId, linkId).then()
                .statusCode(200);
        given().get("/api/v1/shared-reports/{t}", token).then().statusCode(404);
        given().get("/api/v1/shared-reports/{t}", "not-a-token").then().statusCode(404);
        given().auth().oauth2(p.doctor).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/cases/{id}/share-links", p.caseId).then().statusCode(403);
        given().auth().oauth2(Tokens.patient("p-other", p.tenant)).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/cases/{id}/share-links", p.caseId).then().statusCode(404);
        given().auth().oauth2(p.patient).get("/api/v1/cases/{id}/share-links", p.caseId).then().statusCode(200);
        for (String action : List.of("CREATE", "REVOKE", "LIST_SHARE_LINKS")) {
            assertThat(db.count("select count(*) from outbox_event where subject = ?1 and type = "
                    + "'consilium.audit.access-recorded.v1' and payload->>'action' = '" + action + "'"
                    + " and payload->>'allowed' = 'true'", p.caseId)).as(action).isEqualTo(1);
        }
        assertThat(db.count("select count(*) from outbox_event where subject = ?1 and type = "
                + "'consilium.audit.access-recorded.v1' and payload->>'action' = 'SHARE'"
                + " and payload->>'allowed' = 'false'", p.caseId)).as("the other patient's attempt").isEqualTo(1);
    }

    @Test
    void theSameAccountNameInAnotherTenantsTokenMayNotShare() {
        Panel p = Panel.released(kafka, "en");
        consentToTreatingDoctor(p);
        String sameNameElsewhere = Tokens.patient(p.patientId, "t-other-" + java.util.UUID.randomUUID());
        given().auth().oauth2(sameNameElsewhere).get("/api/v1/cases/{id}/share-links", p.caseId).then().statusCode(404);
        given().auth().oauth2(sameNameElsewhere).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/cases/{id}/share-links", p.caseId).then().statusCode(404);
        assertThat(db.count("select count(*) from share_link where case_id = ?1", java.util.UUID.fromString(p.caseId)))
                .as("links created").isZero();
    }

    @Test
    void aGrantThatArrivesAfterItsRevocationSharesNothing() {
        Panel p = Panel.released(kafka, "en");
        String consent = UUID.randomUUID().toString();
        Broker.publish(kafka, Panel.CASE_TOPIC, "consilium.case.consent-revoked.v1", p.caseId, p.tenant, """
                {"caseId":"%s","consentId":"%s","purpose":"REPORT_TO_TREATING_DOCTOR","revokedAt":"%s"}"""
                .formatted(p.caseId, consent, Instant.now()));
        UUID granted = Broker.publish(kafka, Panel.CASE_TOPIC, "consilium.case.consent-granted.v1", p.caseId, p.tenant, """
                {"caseId":"%s","consentId":"%s","purpose":"REPORT_TO_TREATING_DOCTOR",
                 "specialistSubjects":[],"countries":[],"grantedAt":"%s"}"""
                .formatted(p.caseId, consent, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> db.count("select count(*) from inbox_event where event_id = ?1", granted) == 1);
        given().auth().oauth2(p.patient).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/cases/{id}/share-links", p.caseId).then().statusCode(422)
                .body("detail", containsString("REPORT_TO_TREATING_DOCTOR"));
    }

    private void consentToTreatingDoctor(Panel p) {
        UUID granted = Broker.publish(kafka, Panel.CASE_TOPIC, "consilium.case.consent-granted.v1", p.caseId, p.tenant, """
                {"caseId":"%s","tenant":"%s","consentId":"%s","purpose":"REPORT_TO_TREATING_DOCTOR",
                 "specialistSubjects":[],"countries":[],"grantedAt":"%s"}"""
                .formatted(p.caseId, p.tenant, UUID.randomUUID(), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> db.count("select count(*) from inbox_event where event_id = ?1", granted) == 1);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
