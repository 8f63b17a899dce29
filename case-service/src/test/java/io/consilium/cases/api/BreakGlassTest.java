package io.consilium.cases.api;

import io.consilium.cases.support.Journey;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Ops see clinical content only by break-glass with a reason, and the patient sees that in their access log. */
@QuarkusTest
class BreakGlassTest {

    private static final String HEADER = "X-Break-Glass-Reason";

    @Test
    void opsReadTheIntakeOnlyWithAReasonThatIsAudited() {
        Journey j = Journey.assigned();
        String ops = Tokens.ops("olivia-" + j.tenant);
        given().auth().oauth2(ops).when().get("/api/v1/cases/{id}", j.caseId)
                .then().statusCode(200).body("intake", nullValue());
        given().auth().oauth2(ops).header(HEADER, "short").when().get("/api/v1/cases/{id}", j.caseId)
                .then().statusCode(400).body("violations[0].field", equalTo(HEADER));
        given().auth().oauth2(ops).header(HEADER, "Patient in emergency room, doctor asks for the diagnosis")
                .when().get("/api/v1/cases/{id}", j.caseId)
                .then().statusCode(200).body("intake.diagnosis.icd10Code", equalTo("C61"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(j.patient).when().get("/api/v1/cases/{id}/access-log", j.caseId)
                        .then().statusCode(200)
                        .body("items.purpose", hasItem("break-glass: Patient in emergency room, doctor asks for the diagnosis"))
                        .body("items.role", hasItem("ops")));
        // the action filter takes the actions access logs have recorded, and names them for a typo
        given().auth().oauth2(j.patient).queryParam("action", "read").when().get("/api/v1/cases/{id}/access-log", j.caseId)
                .then().statusCode(200).body("items.action", everyItem(equalTo("READ")));
        given().auth().oauth2(j.patient).queryParam("action", "NOPE").when().get("/api/v1/cases/{id}/access-log", j.caseId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("action"))
                .body("violations[0].message", containsString("READ"));
    }

    @Test
    void theHeaderGivesNothingToOtherRoles() {
        Journey j = Journey.assigned();
        given().auth().oauth2(j.partner).header(HEADER, "I would like to read the diagnosis please")
                .when().get("/api/v1/cases/{id}", j.caseId)
                .then().statusCode(200).body("intake", nullValue());
        given().auth().oauth2(j.patient).header(HEADER, "irrelevant for the patient")
                .when().get("/api/v1/cases/{id}", j.caseId)
                .then().statusCode(200).body("intake", notNullValue());
    }
}
