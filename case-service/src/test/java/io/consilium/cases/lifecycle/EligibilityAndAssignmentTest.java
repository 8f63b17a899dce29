package io.consilium.cases.lifecycle;

import io.consilium.cases.support.Coverage;
import io.consilium.cases.support.Intakes;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.consilium.cases.support.CaseApi.open;
import static io.consilium.cases.support.CaseApi.submit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Submission checks eligibility against the tenant's plan and roster, then assigns a personal doctor. */
@QuarkusTest
class EligibilityAndAssignmentTest {

    private final String tenant = "t-" + UUID.randomUUID();
    private final String partner = Tokens.partner(tenant);

    @Test
    void memberNotInTheRosterIsRefusedAtOpeningWithTheReasonAndNothingIsStored() {
        Coverage.covered(tenant, "M-1");
        refusedAtOpening(partner, Intakes.valid("M-unknown"), "NOT_IN_ROSTER")
                .body("detail", containsString("roster"))
                .body("violations[0].field", equalTo("memberId"));
        assertNoCases();
    }

    @Test
    void tenantWithoutAnyPlanRefusesEveryOpening() {
        refusedAtOpening(partner, Intakes.valid("M-1"), "NOT_IN_ROSTER");
        assertNoCases();
    }

    @Test
    void specialtyOutsideThePlanIsRefusedAtOpening() {
        Coverage.covered(tenant, "M-2");
        Map<String, Object> body = Intakes.valid("M-2");
        body.put("requestedSpecialty", "cardiology");
        refusedAtOpening(partner, body, "SPECIALTY_NOT_COVERED").body("detail", containsString("cardiology"));
        assertNoCases();
    }

    @Test
    void patientLearnsAtOnceToo() {
        Coverage.plan(tenant, Map.of("active", false));
        Coverage.members(tenant, "M-10");
        String patientId = "p-" + UUID.randomUUID();
        refusedAtOpening(Tokens.patient(patientId, tenant, "M-10"), Intakes.valid("M-10"), "NO_PLAN");
        assertNoCases();
    }

    @Test
    void quotaOfOpinionsPerYearIsEnforcedAndRejectedOrCancelledCasesDoNotCount() {
        Coverage.plan(tenant, Map.of("opinionsPerMemberPerYear", 1));
        Coverage.members(tenant, "M-3");
        String cancelled = open(partner, Intakes.valid("M-3"));
        submit(partner, cancelled).body("state", equalTo("SUBMITTED"));
        given().auth().oauth2(partner).contentType(ContentType.JSON).body(Map.of("reason", "patient changed their mind"))
                .when().post("/api/v1/cases/{id}/cancel", cancelled).then().statusCode(200).body("state", equalTo("CANCELLED"));

        // two drafts while an opinion is left: the first submitted uses it, the second lapses and is rejected
        String first = open(partner, Intakes.valid("M-3"));
        String second = open(partner, Intakes.valid("M-3"));
        submit(partner, first).body("state", equalTo("SUBMITTED"));
        submit(partner, second).statusCode(200)
                .body("state", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("QUOTA_USED"));
        // and from now on a new case is refused at opening
        refusedAtOpening(partner, Intakes.valid("M-3"), "QUOTA_USED").body("detail", containsString("1 opinion(s)"));
    }

    @Test
    void coverageEndingBetweenOpeningAndSubmissionRejects() {
        Coverage.plan(tenant);
        Coverage.members(tenant, "M-5");
        String id = open(partner, Intakes.valid("M-5"));
        given().auth().oauth2(partner).contentType("text/csv")
                .body("memberId,plan,validFrom,validTo\nM-5," + Coverage.PLAN + ",2020-01-01,2021-12-31\n")
                .when().post("/api/v1/roster").then().statusCode(200).body("accepted", equalTo(1));
        submit(partner, id).body("state", equalTo("REJECTED")).body("rejectionReason", equalTo("NOT_IN_ROSTER"));
        refusedAtOpening(partner, Intakes.valid("M-5"), "NOT_IN_ROSTER").body("detail", containsString("not valid on"));
    }

    @Test
    void planDeactivatedOrNarrowedBetweenOpeningAndSubmissionRejects() {
        String planId = Coverage.plan(tenant);
        Coverage.members(tenant, "M-4", "M-11");
        String narrowed = open(partner, Intakes.valid("M-11"));
        Map<String, Object> oncologyOnly = new java.util.HashMap<>(Coverage.planBody(tenant));
        oncologyOnly.put("coveredSpecialties", List.of("oncology"));
        Coverage.updatePlan(planId, oncologyOnly);
        submit(partner, narrowed).body("state", equalTo("REJECTED")).body("rejectionReason", equalTo("SPECIALTY_NOT_COVERED"));

        Map<String, Object> back = new java.util.HashMap<>(Coverage.planBody(tenant));
        Coverage.updatePlan(planId, back);
        String deactivated = open(partner, Intakes.valid("M-4"));
        back.put("active", false);
        Coverage.updatePlan(planId, back);
        submit(partner, deactivated).body("state", equalTo("REJECTED")).body("rejectionReason", equalTo("NO_PLAN"));
    }

    private static io.restassured.response.ValidatableResponse refusedAtOpening(String token, Map<String, Object> body,
                                                                                String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:consilium:problem:unprocessable"))
                .body("reason", equalTo(reason))
                .header("Location", nullValue());
    }

    private void assertNoCases() {
        given().auth().oauth2(partner).when().get("/api/v1/cases")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void leastLoadedDoctorSpeakingThePatientsLanguageIsAssignedAndCapacityIsRespected() {
        Coverage.covered(tenant, "M-6", "M-7", "M-8");
        String busy = "dr-busy-" + UUID.randomUUID();
        String free = "dr-free-" + UUID.randomUUID();
        Coverage.manager(busy, tenant, 1, "es");
        Coverage.manager(free, tenant, 1, "es");
        Coverage.manager("dr-en-" + UUID.randomUUID(), tenant, 5, "en");

        String first = submit(partner, open(partner, Intakes.valid("M-6"))).body("state", equalTo("MANAGER_ASSIGNED"))
                .extract().path("managerId");
        String second = submit(partner, open(partner, Intakes.valid("M-7"))).body("state", equalTo("MANAGER_ASSIGNED"))
                .extract().path("managerId");
        org.assertj.core.api.Assertions.assertThat(List.of(first, second)).containsExactlyInAnyOrder(busy, free);

        // both Spanish-speaking doctors are full: the case waits for ops, first in their queue
        String waiting = open(partner, Intakes.valid("M-8"));
        submit(partner, waiting).body("state", equalTo("SUBMITTED")).body("managerId", nullValue());
        given().auth().oauth2(Tokens.ops("olivia")).queryParam("tenant", tenant).when().get("/api/v1/ops/queue")
                .then().statusCode(200).body("[0].caseId", equalTo(waiting)).body("[0].status", equalTo("UNASSIGNED"));

        given().auth().oauth2(Tokens.ops("olivia")).contentType(ContentType.JSON).body(Map.of("managerId", busy))
                .when().put("/api/v1/cases/{id}/manager", waiting)
                .then().statusCode(200).body("state", equalTo("MANAGER_ASSIGNED")).body("managerId", equalTo(busy));
        given().auth().oauth2(Tokens.ops("olivia")).contentType(ContentType.JSON).body(Map.of("managerId", free))
                .when().put("/api/v1/cases/{id}/manager", waiting)
                .then().statusCode(200).body("managerId", equalTo(free));
        given().auth().oauth2(Tokens.caseManager(busy, tenant)).when().get("/api/v1/cases/{id}", waiting)
                .then().statusCode(404);
    }

    @Test
    void opsCannotAssignADoctorOfAnotherTenant() {
        Coverage.covered(tenant, "M-9");
        String foreign = "dr-foreign-" + UUID.randomUUID();
        Coverage.manager(foreign, "t-other-" + UUID.randomUUID(), 5, "es");
        String id = open(partner, Intakes.valid("M-9"));
        submit(partner, id).body("state", equalTo("SUBMITTED"));
        given().auth().oauth2(Tokens.ops("olivia")).contentType(ContentType.JSON).body(Map.of("managerId", foreign))
                .when().put("/api/v1/cases/{id}/manager", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("managerId"));
        given().auth().oauth2(partner).when().get("/api/v1/cases/{id}", id).then().body("state", equalTo("SUBMITTED"));
    }
}
