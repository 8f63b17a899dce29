package io.consilium.cases.lifecycle;

import io.consilium.cases.support.Journey;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Steps taken by the wrong part (403), in the wrong state (409) or on a stale version (412) change nothing. */
@QuarkusTest
class StepRefusalsTest {

    private static final Map<String, Object> RECORDS = Map.of("items",
            List.of(Map.of("code", "MRI", "label", "MRI", "required", true)));

    @Test
    void onlyTheAssignedDoctorTakesTheDoctorsSteps() {
        Journey j = Journey.assigned();
        given().auth().oauth2(j.patient).contentType(ContentType.JSON).body(RECORDS)
                .when().post("/api/v1/cases/{id}/records-requests", j.caseId)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.ops("olivia")).contentType(ContentType.JSON).body(RECORDS)
                .when().post("/api/v1/cases/{id}/records-requests", j.caseId).then().statusCode(403);
        given().auth().oauth2(Tokens.specialist("prof-eva")).when().post("/api/v1/cases/{id}/records-complete", j.caseId)
                .then().statusCode(403);
        given().auth().oauth2(j.patient).when().get("/api/v1/cases/{id}", j.caseId)
                .then().body("state", equalTo("MANAGER_ASSIGNED"));
    }

    @Test
    void stepsOutOfOrderAreConflictsAndChangeNothing() {
        Journey j = Journey.assigned();
        int version = given().auth().oauth2(j.doctor).when().get("/api/v1/cases/{id}", j.caseId).then().extract().path("version");
        given().auth().oauth2(j.doctor).when().post("/api/v1/cases/{id}/records-complete", j.caseId)
                .then().statusCode(409).body("detail", containsString("MANAGER_ASSIGNED"));
        given().auth().oauth2(j.doctor).contentType(ContentType.JSON).body(Map.of("panelSize", 1))
                .when().post("/api/v1/cases/{id}/review-requests", j.caseId).then().statusCode(409);
        given().auth().oauth2(j.doctor).when().post("/api/v1/cases/{id}/close", j.caseId).then().statusCode(409);
        given().auth().oauth2(j.doctor).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/cases/{id}/follow-ups", j.caseId).then().statusCode(409);
        given().auth().oauth2(j.doctor).when().get("/api/v1/cases/{id}", j.caseId)
                .then().body("state", equalTo("MANAGER_ASSIGNED")).body("version", equalTo(version));
    }

    @Test
    void staleVersionIsRefusedWith412() {
        Journey j = Journey.collectingRecords();
        j.checklistSettled();
        given().auth().oauth2(j.doctor).header("If-Match", "\"1\"")
                .when().post("/api/v1/cases/{id}/records-complete", j.caseId)
                .then().statusCode(412).contentType("application/problem+json");
        String etag = given().auth().oauth2(j.doctor).when().get("/api/v1/cases/{id}", j.caseId).then().extract().header("ETag");
        given().auth().oauth2(j.doctor).header("If-Match", etag)
                .when().post("/api/v1/cases/{id}/records-complete", j.caseId)
                .then().statusCode(200).body("state", equalTo("READY_FOR_REVIEW"));
    }

    @Test
    void cancelledCaseTakesNoMoreSteps() {
        Journey j = Journey.collectingRecords();
        given().auth().oauth2(j.partner).contentType(ContentType.JSON).body(Map.of("reason", "member left the plan"))
                .when().post("/api/v1/cases/{id}/cancel", j.caseId).then().statusCode(200).body("state", equalTo("CANCELLED"));
        given().auth().oauth2(j.patient).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .when().post("/api/v1/cases/{id}/cancel", j.caseId).then().statusCode(409);
        given().auth().oauth2(j.patient).contentType(ContentType.JSON).body(Map.of("body", "hello?"))
                .when().post("/api/v1/cases/{id}/messages", j.caseId).then().statusCode(409);
        given().auth().oauth2(j.patient).when().get("/api/v1/cases/{id}/sla", j.caseId)
                .then().statusCode(200).body("[0].stoppedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void cancellingNeedsAReason() {
        Journey j = Journey.assigned();
        given().auth().oauth2(j.patient).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/cases/{id}/cancel", j.caseId)
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
    }
}
