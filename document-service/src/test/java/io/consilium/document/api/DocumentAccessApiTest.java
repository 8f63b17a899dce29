package io.consilium.document.api;

import io.consilium.document.domain.Consent;
import io.consilium.document.support.CaseFacts;
import io.consilium.document.support.Fixtures;
import io.consilium.document.support.Tus;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Who may read a case's records, over HTTP, with the consents and answers arriving as real events. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DocumentAccessApiTest {

    private static final String PROBLEM = "application/problem+json";
    private final KafkaCompanion kafka = Broker.companion();
    private CaseFacts facts;
    private String document;
    private final String specialist = "s-" + UUID.randomUUID();

    @BeforeEach
    void aCaseWithADocument() {
        facts = new CaseFacts(kafka).submittedAndAssigned("oncology");
        document = Tus.document(facts.patientToken(), facts.caseId, Fixtures.pdf(11), Tus.metadata("report.pdf", null));
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void patientAndAssignedManagerRead() {
        canRead(facts.patientToken());
        canRead(facts.managerToken());
        cannotSee(Tokens.patient("p-other", facts.tenant));
        cannotSee(Tokens.caseManager("m-other", facts.tenant));
    }

    @Test
    void specialistNotInvitedSeesNothing() {
        facts.consentToSpecialists();
        cannotSee(Tokens.specialist(specialist));
    }

    @Test
    void acceptedSpecialistReadsWhileTheConsentHoldsAndLosesAccessWhenItIsRevoked() {
        facts.specialistAccepted(specialist);
        cannotSee(Tokens.specialist(specialist));
        String consent = facts.consentToSpecialists(specialist);
        canRead(Tokens.specialist(specialist));
        facts.consentRevoked(consent);
        cannotSee(Tokens.specialist(specialist));
    }

    @Test
    void consentForOtherSpecialistsDoesNotCoverThisOne() {
        facts.specialistAccepted(specialist);
        facts.consentToSpecialists("s-someone-else");
        cannotSee(Tokens.specialist(specialist));
    }

    @Test
    void declineCutsAccess() {
        facts.specialistAccepted(specialist);
        facts.consentToSpecialists();
        canRead(Tokens.specialist(specialist));
        facts.specialistDeclined(specialist);
        cannotSee(Tokens.specialist(specialist));
    }

    @Test
    void cancellingOrClosingTheCaseEndsTheSpecialistsAccessButNotThePatients() {
        facts.specialistAccepted(specialist);
        facts.consentToSpecialists();
        canRead(Tokens.specialist(specialist));
        facts.publishCase("consilium.case.cancelled.v1", """
                {"caseId":"%s","reason":"The patient chose another provider","cancelledAt":"%s"}"""
                .formatted(facts.caseId, Instant.now()));
        facts.awaitFile(file -> file.endedAt != null);
        cannotSee(Tokens.specialist(specialist));
        canRead(facts.patientToken());
        canRead(facts.managerToken());
    }

    @Test
    void aGrantArrivingAfterItsRevocationDoesNotOpenAccess() {
        facts.specialistAccepted(specialist);
        String consent = UUID.randomUUID().toString();
        // the revocation first (the grant was delayed, e.g. replayed from the dead letters), then the grant
        facts.publishCase("consilium.case.consent-revoked.v1", """
                {"caseId":"%s","consentId":"%s","purpose":"RECORDS_TO_SPECIALISTS","revokedAt":"%s"}"""
                .formatted(facts.caseId, consent, Instant.now()));
        facts.publishCase("consilium.case.consent-granted.v1", """
                {"caseId":"%s","consentId":"%s","purpose":"RECORDS_TO_SPECIALISTS","specialistSubjects":[],
                 "countries":[],"grantedAt":"%s"}""".formatted(facts.caseId, consent, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Consent.<Consent>findByIdOptional(UUID.fromString(consent)).map(c -> c.grantedAt != null).orElse(false)));
        cannotSee(Tokens.specialist(specialist));
    }

    @Test
    void specialistMayReadButNotUpload() {
        facts.specialistAccepted(specialist);
        facts.consentToSpecialists();
        Tus.create(Tokens.specialist(specialist), facts.caseId, 100, Tus.metadata("x.pdf", null))
                .statusCode(403).contentType(PROBLEM);
    }

    @Test
    void rolesWithoutClinicalAccessAreForbiddenAndMissingTokensUnauthenticated() {
        given().auth().oauth2(Tokens.partner(facts.tenant)).when().get("/api/v1/documents/{id}", document)
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:consilium:problem:forbidden"));
        given().auth().oauth2(Tokens.ops("o-1")).when().get("/api/v1/cases/{id}/documents", facts.caseId)
                .then().statusCode(403).contentType(PROBLEM);
        given().when().get("/api/v1/documents/{id}/content", document)
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2(facts.patientToken()).when().get("/api/v1/documents/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        given().auth().oauth2(facts.patientToken()).when().get("/api/v1/documents/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
    }

    private void canRead(String token) {
        given().auth().oauth2(token).when().get("/api/v1/cases/{id}/documents", facts.caseId)
                .then().statusCode(200).body("id[0]", equalTo(document));
        given().auth().oauth2(token).when().get("/api/v1/documents/{id}", document).then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/documents/{id}/content", document).then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/cases/{id}/checklist", facts.caseId).then().statusCode(200);
    }

    /** Unknown and foreign look the same: 404 problem+json. */
    private void cannotSee(String token) {
        given().auth().oauth2(token).when().get("/api/v1/cases/{id}/documents", facts.caseId)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token).when().get("/api/v1/documents/{id}", document)
                .then().statusCode(404).contentType(PROBLEM).body("detail", equalTo("Document " + document + " not found"));
        given().auth().oauth2(token).when().get("/api/v1/documents/{id}/content", document)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(token).when().get("/api/v1/cases/{id}/checklist", facts.caseId)
                .then().statusCode(404).contentType(PROBLEM);
    }
}
