package io.consilium.cases.api;

import io.consilium.cases.support.Coverage;
import io.consilium.cases.support.Intakes;
import io.consilium.cases.domain.SmoCase;
import io.consilium.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.consilium.cases.support.CaseApi.open;
import static io.consilium.cases.support.CaseApi.openAndSubmit;
import static io.consilium.cases.support.CaseApi.submit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Who may open, read, list and submit which case, over HTTP with real tokens and the real database. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CaseResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private final String tenant = "t-" + UUID.randomUUID();
    private final String otherTenant = "t-" + UUID.randomUUID();
    private final String patient = "p-" + UUID.randomUUID();

    @BeforeEach
    void coverMembers() {
        Coverage.covered(tenant, Tokens.memberOf(patient));
    }

    @Test
    void requestWithoutTokenIsUnauthenticated() {
        given().when().get("/api/v1/cases")
                .then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("type", equalTo("urn:consilium:problem:unauthenticated"))
                .body("instance", equalTo("/api/v1/cases"));
    }

    @Test
    void forgedTokenIsUnauthenticated() {
        // A valid token whose payload is swapped for another subject's: the signature no longer matches.
        String[] parts = Tokens.patient(patient, tenant).split("\\.");
        String otherPayload = Tokens.patient("someone-else", tenant).split("\\.")[1];
        String forged = parts[0] + "." + otherPayload + "." + parts[2];
        given().auth().oauth2(forged).when().get("/api/v1/cases")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void specialistMayNotOpenOrListCases() {
        given().auth().oauth2(Tokens.specialist("s-1")).contentType(ContentType.JSON).body(Intakes.valid(Tokens.memberOf(patient)))
                .when().post("/api/v1/cases")
                .then().statusCode(403).contentType(PROBLEM).body("title", equalTo("Not allowed"));
        given().auth().oauth2(Tokens.specialist("s-1")).when().get("/api/v1/cases")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void opsMayNotOpenCases() {
        given().auth().oauth2(Tokens.ops("o-1")).contentType(ContentType.JSON).body(Intakes.valid(Tokens.memberOf(patient)))
                .when().post("/api/v1/cases")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void patientOpensOwnCaseAndSeesTheIntake() {
        String token = Tokens.patient(patient, tenant);
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Intakes.valid(Tokens.memberOf(patient)))
                .when().post("/api/v1/cases")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/cases/"))
                .header("ETag", equalTo("\"0\""))
                .body("state", equalTo("DRAFT"))
                .body("tenant", equalTo(tenant))
                .body("patientId", equalTo(patient))
                .body("intake.diagnosis.icd10Code", equalTo("C61"))
                .extract().path("id");

        given().auth().oauth2(token).when().get("/api/v1/cases/{id}", id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id))
                .body("reasons", hasItem("CONFIRM_DIAGNOSIS"))
                .body("intake.patient.email", equalTo("ana@example.org"))
                .body("intake.questions", hasItem("SURGERY_NECESSARY"))
                .body("intake.otherQuestions[0]", equalTo("Can I keep working during treatment?"));
    }

    @Test
    void patientCannotReadAnotherPatientsCase() {
        String id = open(Tokens.patient(patient, tenant), Intakes.valid(Tokens.memberOf(patient)));
        given().auth().oauth2(Tokens.patient("someone-else", tenant)).when().get("/api/v1/cases/{id}", id)
                .then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("Case " + id + " not found"));
    }

    @Test
    void unknownAndForeignCasesAnswerAlike() {
        String id = open(Tokens.patient(patient, tenant), Intakes.valid(Tokens.memberOf(patient)));
        String unknown = UUID.randomUUID().toString();
        String partnerOfOtherTenant = Tokens.partner(otherTenant);
        String foreignTitle = given().auth().oauth2(partnerOfOtherTenant).when().get("/api/v1/cases/{id}", id)
                .then().statusCode(404).contentType(PROBLEM).extract().path("title");
        String unknownTitle = given().auth().oauth2(partnerOfOtherTenant).when().get("/api/v1/cases/{id}", unknown)
                .then().statusCode(404).contentType(PROBLEM).extract().path("title");
        org.assertj.core.api.Assertions.assertThat(foreignTitle).isEqualTo(unknownTitle);
    }

    @Test
    void partnerSeesItsTenantsCaseWithoutClinicalContent() {
        String id = open(Tokens.patient(patient, tenant), Intakes.valid(Tokens.memberOf(patient)));
        given().auth().oauth2(Tokens.partner(tenant)).when().get("/api/v1/cases/{id}", id)
                .then().statusCode(200)
                .body("state", equalTo("DRAFT"))
                .body("memberId", equalTo(Tokens.memberOf(patient)))
                .body("intake", nullValue())
                .body("patientId", nullValue());
    }

    @Test
    void opsSeeMetadataOnlyAndUnassignedCaseManagerSeesNothing() {
        String id = open(Tokens.patient(patient, tenant), Intakes.valid(Tokens.memberOf(patient)));
        given().auth().oauth2(Tokens.ops("olivia")).when().get("/api/v1/cases/{id}", id)
                .then().statusCode(200).body("intake", nullValue()).body("tenant", equalTo(tenant));
        given().auth().oauth2(Tokens.caseManager("dr-x", tenant)).when().get("/api/v1/cases/{id}", id)
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void partnerOpensCaseForMemberOfItsOwnTenant() {
        // The patient's own token has named the member once (here: a look at their cases), so the account is known.
        given().auth().oauth2(Tokens.patient(patient, tenant)).when().get("/api/v1/cases").then().statusCode(200);
        Map<String, Object> body = Intakes.valid(Tokens.memberOf(patient));
        body.put("patientId", patient);
        body.put("tenant", otherTenant); // ignored: the tenant comes from the token only
        String id = given().auth().oauth2(Tokens.partner(tenant)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases")
                .then().statusCode(201)
                .body("tenant", equalTo(tenant))
                .body("intake", nullValue())
                .extract().path("id");
        given().auth().oauth2(Tokens.patient(patient, tenant)).when().get("/api/v1/cases/{id}", id)
                .then().statusCode(200).body("intake.diagnosis.text", notNullValue()).body("patientId", equalTo(patient));
    }

    @Test
    void partnerCannotBindACaseToAPatientOfAnotherTenant() {
        // A patient of the other tenant whose account is known there, under the same member id.
        String foreign = "p-foreign-" + UUID.randomUUID();
        String member = Tokens.memberOf(foreign);
        given().auth().oauth2(Tokens.patient(foreign, otherTenant)).when().get("/api/v1/cases").then().statusCode(200);
        Map<String, Object> body = Intakes.valid(member);
        body.put("patientId", foreign);
        given().auth().oauth2(Tokens.partner(tenant)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases")
                .then().log().ifValidationFails().statusCode(422).contentType(PROBLEM)
                .body("violations[0].field", equalTo("patientId"));
        // Without the patientId the case is opened, but it stays with the partner's own tenant's member.
        Coverage.members(tenant, member);
        String id = open(Tokens.partner(tenant), Intakes.valid(member));
        given().auth().oauth2(Tokens.patient(foreign, otherTenant)).when().get("/api/v1/cases/{id}", id)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.patient(foreign, otherTenant)).when().get("/api/v1/cases")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        String stored = QuarkusTransaction.requiringNew().call(
                () -> SmoCase.<SmoCase>findById(UUID.fromString(id)).patientId);
        org.assertj.core.api.Assertions.assertThat(stored).as("patient account of the partner's case").isNull();
    }

    @Test
    void partnersCaseReachesTheMembersAccountOnceItIsKnown() {
        String member = "M-later-" + UUID.randomUUID();
        Coverage.members(tenant, member);
        String id = open(Tokens.partner(tenant), Intakes.valid(member));
        String later = "p-later-" + UUID.randomUUID();
        String token = Tokens.patient(later, tenant, member);
        given().auth().oauth2(Tokens.patient("p-not-the-member-" + UUID.randomUUID(), tenant))
                .when().get("/api/v1/cases/{id}", id).then().statusCode(404);
        given().auth().oauth2(token).when().get("/api/v1/cases")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(token).when().get("/api/v1/cases/{id}", id)
                .then().statusCode(200).body("patientId", equalTo(later));
        // A second account claiming the same member gets nothing of it.
        String impostor = Tokens.patient("p-second-" + UUID.randomUUID(), tenant, member);
        given().auth().oauth2(impostor).when().get("/api/v1/cases").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(impostor).when().get("/api/v1/cases/{id}", id).then().statusCode(404);
    }

    @Test
    void patientCannotOpenACaseUnderAnotherMembersId() {
        Map<String, Object> body = Intakes.valid("M-somebody-else-" + UUID.randomUUID());
        given().auth().oauth2(Tokens.patient(patient, tenant)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("memberId"));
        // Left out, the member id is the account's own.
        body.remove("memberId");
        String id = open(Tokens.patient(patient, tenant), body);
        given().auth().oauth2(Tokens.patient(patient, tenant)).when().get("/api/v1/cases/{id}", id)
                .then().statusCode(200).body("memberId", equalTo(Tokens.memberOf(patient)));
    }

    @Test
    void accountWithoutMemberIdCannotOpenACase() {
        String unlinked = "p-unlinked-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.patient(unlinked, tenant, null)).contentType(ContentType.JSON)
                .body(Intakes.valid("M-1")).when().post("/api/v1/cases")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.ops("olivia")).queryParam("tenant", tenant).queryParam("size", 100)
                .when().get("/api/v1/cases").then().statusCode(200).body("items.memberId", not(hasItem("M-1")));
    }

    @Test
    void partnerMustNameTheMember() {
        Map<String, Object> body = Intakes.valid(null);
        given().auth().oauth2(Tokens.partner(tenant)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("memberId"));
    }

    @Test
    void patientCannotOpenACaseForSomeoneElse() {
        Map<String, Object> body = Intakes.valid(Tokens.memberOf(patient));
        body.put("patientId", "another-patient");
        given().auth().oauth2(Tokens.patient(patient, tenant)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("patientId"));
    }

    @Test
    void submitMovesDraftToSubmittedOnceOnly() {
        String token = Tokens.patient(patient, tenant);
        String id = open(token, Intakes.valid(Tokens.memberOf(patient)));
        given().auth().oauth2(token).header("If-Match", "\"0\"")
                .when().post("/api/v1/cases/{id}/submit", id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("state", equalTo("SUBMITTED"))
                .body("submittedAt", notNullValue());
        submit(token, id).statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:consilium:problem:conflict"))
                .body("detail", containsString("SUBMITTED"));
    }

    @Test
    void submitWithStaleIfMatchIsRefusedAndChangesNothing() {
        String token = Tokens.patient(patient, tenant);
        String id = open(token, Intakes.valid(Tokens.memberOf(patient)));
        given().auth().oauth2(token).header("If-Match", "\"7\"")
                .when().post("/api/v1/cases/{id}/submit", id)
                .then().statusCode(412).contentType(PROBLEM)
                .body("type", equalTo("urn:consilium:problem:precondition-failed"));
        given().auth().oauth2(token).when().get("/api/v1/cases/{id}", id)
                .then().statusCode(200).body("state", equalTo("DRAFT")).header("ETag", equalTo("\"0\""));
    }

    @Test
    void malformedIfMatchIsABadRequest() {
        String token = Tokens.patient(patient, tenant);
        String id = open(token, Intakes.valid(Tokens.memberOf(patient)));
        given().auth().oauth2(token).header("If-Match", "\"abc\"")
                .when().post("/api/v1/cases/{id}/submit", id)
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("If-Match"));
    }

    @Test
    void partnerOfAnotherTenantCannotSubmit() {
        String id = open(Tokens.patient(patient, tenant), Intakes.valid(Tokens.memberOf(patient)));
        submit(Tokens.partner(otherTenant), id).statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.partner(tenant)).when().get("/api/v1/cases/{id}", id)
                .then().body("state", equalTo("DRAFT"));
    }

    @Test
    void opsCannotSubmitOnBehalfOfThePatient() {
        String id = open(Tokens.patient(patient, tenant), Intakes.valid(Tokens.memberOf(patient)));
        submit(Tokens.ops("olivia"), id).statusCode(403).contentType(PROBLEM);
    }

    @Test
    void listShowsOnlyTheCallersScopeWhateverTheFilters() {
        String mine = open(Tokens.patient(patient, tenant), Intakes.valid(Tokens.memberOf(patient)));
        String other = "p-other-" + UUID.randomUUID();
        Coverage.members(tenant, Tokens.memberOf(other));
        Coverage.covered(otherTenant, Tokens.memberOf(patient));
        String otherPatients = open(Tokens.patient(other, tenant), Intakes.valid(null));
        String otherTenants = open(Tokens.patient(patient, otherTenant), Intakes.valid(Tokens.memberOf(patient)));

        given().auth().oauth2(Tokens.patient(patient, tenant)).when().get("/api/v1/cases?size=100")
                .then().statusCode(200)
                .body("items.id", hasItem(mine))
                // the same subject in another tenant's token is another tenant's patient: a token names one tenant
                .body("items.id", not(hasItem(otherTenants)))
                .body("items.id", not(hasItem(otherPatients)));

        given().auth().oauth2(Tokens.partner(tenant)).queryParam("tenant", otherTenant).queryParam("size", 100)
                .when().get("/api/v1/cases")
                .then().statusCode(200)
                .body("total", equalTo(0));

        given().auth().oauth2(Tokens.partner(tenant)).queryParam("size", 100).when().get("/api/v1/cases")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.tenant", everyItem(equalTo(tenant)))
                .body("items[0].diagnosis", nullValue());

        given().auth().oauth2(Tokens.ops("olivia")).queryParam("tenant", otherTenant).when().get("/api/v1/cases")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(otherTenants));
    }

    @Test
    void listFiltersByStateAndPages() {
        String partner = Tokens.partner(tenant);
        Map<String, Object> body = Intakes.valid(Tokens.memberOf(patient));
        String submitted = openAndSubmit(partner, body);
        open(partner, Intakes.valid(Tokens.memberOf(patient)));
        open(partner, Intakes.valid(Tokens.memberOf(patient)));

        given().auth().oauth2(partner).queryParam("state", "SUBMITTED").when().get("/api/v1/cases")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(submitted));
        given().auth().oauth2(partner).queryParam("size", 2).queryParam("page", 1).when().get("/api/v1/cases")
                .then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("items.size()", equalTo(1));
    }

    @Test
    void listRefusesBadPagingAndFilters() {
        String partner = Tokens.partner(tenant);
        given().auth().oauth2(partner).queryParam("size", 1000).when().get("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("size"));
        given().auth().oauth2(partner).queryParam("page", "abc").when().get("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("page"));
        given().auth().oauth2(Tokens.ops("olivia")).queryParam("limit", "lots").when().get("/api/v1/ops/queue")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("limit"));
        given().auth().oauth2(partner).queryParam("state", "NOT_A_STATE").when().get("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(partner).queryParam("createdFrom", "yesterday").when().get("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void traceIdOfTheCallerIsReturnedAsRequestId() {
        given().auth().oauth2(Tokens.patient(patient, tenant))
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .when().get("/api/v1/cases")
                .then().statusCode(200).header("X-Request-Id", equalTo("4bf92f3577b34da6a3ce929d0e0e4736"));
        given().when().get("/api/v1/cases")
                .then().statusCode(401).header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{32}"));
    }

    @Test
    void unknownPathAnswersProblemJson() {
        given().auth().oauth2(Tokens.ops("olivia")).when().get("/api/v1/cases/{id}", "not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
    }
}
