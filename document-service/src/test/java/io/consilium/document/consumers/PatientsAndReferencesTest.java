package io.consilium.document.consumers;

import io.consilium.document.domain.CaseFile;
import io.consilium.document.support.CaseFacts;
import io.consilium.document.support.Tus;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Whose records they are: a case a partner opened before the member's account was known reaches the account when
 * case-service links it; a patient is the case's only within its tenant; ids and text in an upload's metadata are
 * checked; a payload missing a field the consumer needs is a broken contract.
 */
@QuarkusTest
class PatientsAndReferencesTest {

    private final KafkaCompanion kafka = Broker.companion();

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void theAccountLinkedAfterSubmissionGetsTheRecordsAndOnlyWithinItsTenant() {
        CaseFacts facts = new CaseFacts(kafka);
        facts.publishCase("consilium.case.submitted.v1", """
                {"caseId":"%s","tenant":"%s","memberId":"M-1","patientId":null,"requestedSpecialty":"urology",
                 "submittedAt":"%s"}""".formatted(facts.caseId, facts.tenant, Instant.now()));
        facts.awaitFile(f -> f.specialty != null);
        given().auth().oauth2(facts.patientToken()).when().get("/api/v1/cases/{id}/documents", facts.caseId)
                .then().statusCode(404);

        facts.publishCase("consilium.case.patient-linked.v1", """
                {"caseId":"%s","tenant":"%s","memberId":"M-1","patientId":"%s","linkedAt":"%s"}"""
                .formatted(facts.caseId, facts.tenant, facts.patient, Instant.now()));
        facts.awaitFile(f -> facts.patient.equals(f.patientId));
        given().auth().oauth2(facts.patientToken()).when().get("/api/v1/cases/{id}/documents", facts.caseId)
                .then().statusCode(200);
        // the same account name in another tenant's token is another tenant's patient
        given().auth().oauth2(Tokens.patient(facts.patient, "t-other-" + UUID.randomUUID()))
                .when().get("/api/v1/cases/{id}/documents", facts.caseId).then().statusCode(404);
        // a later link to another account changes nothing
        UUID second = facts.publishCase("consilium.case.patient-linked.v1", """
                {"caseId":"%s","tenant":"%s","memberId":"M-1","patientId":"p-someone-else","linkedAt":"%s"}"""
                .formatted(facts.caseId, facts.tenant, Instant.now()));
        awaitApplied(second);
        assertThat(file(facts).patientId).isEqualTo(facts.patient);
    }

    @Test
    void aChecklistItemOfAnotherCaseIsUnprocessableAndBadMetadataTextIsRefused() {
        CaseFacts mine = new CaseFacts(kafka).submittedAndAssigned("urology");
        CaseFacts other = new CaseFacts(kafka).submittedAndAssigned("urology");
        String foreignItem = QuarkusTransaction.requiringNew().call(() -> io.consilium.document.domain.ChecklistItem
                .<io.consilium.document.domain.ChecklistItem>list("caseId", UUID.fromString(other.caseId)).get(0).id.toString());

        Map<String, String> metadata = new HashMap<>(Tus.metadata("report.pdf", "application/pdf"));
        metadata.put("checklistItemId", foreignItem);
        Tus.create(mine.patientToken(), mine.caseId, 1000, metadata)
                .statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("Upload-Metadata.checklistItemId"));
        metadata.put("checklistItemId", "not-a-uuid");
        Tus.create(mine.patientToken(), mine.caseId, 1000, metadata).statusCode(400);

        Map<String, String> bidi = new HashMap<>(Tus.metadata("report\u202Efdp.exe", "application/pdf"));
        Tus.create(mine.patientToken(), mine.caseId, 1000, bidi)
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("Upload-Metadata.filename"));
        Map<String, String> nul = new HashMap<>(Tus.metadata("report.pdf", "application/pdf"));
        nul.put("kind", "MEDICAL_REPORT\u0000");
        Tus.create(mine.patientToken(), mine.caseId, 1000, nul).statusCode(400);
        long uploads = QuarkusTransaction.requiringNew().call(() ->
                io.consilium.document.domain.Upload.count("caseId", UUID.fromString(mine.caseId)));
        assertThat(uploads).as("uploads created by refused requests").isZero();
    }

    @Test
    void aConsentGrantWithoutItsIdIsABrokenContractFiledAtOnce() {
        CaseFacts facts = new CaseFacts(kafka).submittedAndAssigned("urology");
        UUID broken = facts.publishCase("consilium.case.consent-granted.v1", """
                {"caseId":"%s","tenant":"%s","purpose":"RECORDS_TO_SPECIALISTS","grantedAt":"%s"}"""
                .formatted(facts.caseId, facts.tenant, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(Tokens.ops("olivia")).queryParam("caseId", facts.caseId)
                        .when().get("/api/v1/ops/dead-letters")
                        .then().statusCode(200)
                        .body("items", hasSize(1))
                        .body("items[0].eventId", equalTo(broken.toString()))
                        .body("items[0].contractBroken", equalTo(true))
                        .body("items[0].attempts", equalTo(1)));
    }

    private static CaseFile file(CaseFacts facts) {
        return QuarkusTransaction.requiringNew().call(() -> CaseFile.findById(UUID.fromString(facts.caseId)));
    }

    private static void awaitApplied(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) CaseFile.getEntityManager().createNativeQuery(
                        "select count(*) from inbox_event where event_id = ?1").setParameter(1, eventId)
                        .getSingleResult()).longValue() == 1));
    }
}
