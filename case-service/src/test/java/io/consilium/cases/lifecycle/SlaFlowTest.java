package io.consilium.cases.lifecycle;

import io.consilium.cases.support.Journey;
import io.consilium.platform.testing.TestClock;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** SLA clocks over real requests with a clock the test moves: pause while waiting on the patient, then breach. */
@QuarkusTest
class SlaFlowTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void pausedClockDoesNotBreachAndARunningOneDoes() {
        // plan: records within 5 business days (7 to 9 calendar days depending on the weekday)
        Journey paused = Journey.collectingRecords();
        Journey running = Journey.collectingRecords();
        given().auth().oauth2(paused.doctor).when().post("/api/v1/cases/{id}/sla/pause", paused.caseId)
                .then().statusCode(200).body("[0].paused", equalTo(true));
        given().auth().oauth2(paused.doctor).when().post("/api/v1/cases/{id}/sla/pause", paused.caseId)
                .then().statusCode(409);

        clock.advance(Duration.ofDays(10));
        given().auth().oauth2(Tokens.ops("olivia")).when().post("/api/v1/ops/sla-evaluations").then().statusCode(200);

        given().auth().oauth2(running.partner).when().get("/api/v1/cases/{id}/sla", running.caseId)
                .then().statusCode(200).body("[0].kind", equalTo("RECORDS")).body("[0].status", equalTo("BREACHED"));
        given().auth().oauth2(paused.partner).when().get("/api/v1/cases/{id}/sla", paused.caseId)
                .then().statusCode(200).body("[0].status", equalTo("ON_TRACK")).body("[0].paused", equalTo(true));

        given().auth().oauth2(Tokens.ops("olivia")).queryParam("tenant", running.tenant).when().get("/api/v1/ops/queue")
                .then().statusCode(200).body("[0].caseId", equalTo(running.caseId)).body("[0].status", equalTo("BREACHED"));

        given().auth().oauth2(paused.doctor).when().post("/api/v1/cases/{id}/sla/resume", paused.caseId)
                .then().statusCode(200).body("[0].paused", equalTo(false));
        clock.advance(Duration.ofDays(10));
        given().auth().oauth2(Tokens.ops("olivia")).when().post("/api/v1/ops/sla-evaluations").then().statusCode(200);
        given().auth().oauth2(paused.partner).when().get("/api/v1/cases/{id}/sla", paused.caseId)
                .then().body("[0].status", equalTo("BREACHED"));
    }

    @Test
    void completingRecordsStopsTheClockAndOnlyTheDoctorPauses() {
        Journey j = Journey.collectingRecords();
        given().auth().oauth2(j.patient).when().post("/api/v1/cases/{id}/sla/pause", j.caseId).then().statusCode(403);
        given().auth().oauth2(j.partner).when().post("/api/v1/cases/{id}/sla/pause", j.caseId).then().statusCode(403);
        j.post(j.doctor, "records-complete", null);
        given().auth().oauth2(j.patient).when().get("/api/v1/cases/{id}/sla", j.caseId)
                .then().statusCode(200).body("status", hasItem("MET"));
        given().auth().oauth2(j.doctor).when().post("/api/v1/cases/{id}/sla/pause", j.caseId).then().statusCode(409);
    }
}
