package io.consilium.gateway.api;

import io.consilium.platform.testing.Tokens;
import io.consilium.gateway.support.AggregateProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * The patient home: my cases (case-service, with my token: the stand-in lists the token's subject's cases) with what
 * each waits on, and my unread count; a late part named missing within the aggregate timeout (1 s in tests); other
 * roles refused by the gateway.
 */
@QuarkusTest
@TestProfile(AggregateProfile.class)
class PatientHomeTest {

    @BeforeEach
    void warmUp() {
        // the first aggregate of a fresh application (keys, pools, JIT) is no measure of the aggregate's deadline
        given().auth().oauth2(Tokens.patient("warm", "acme")).when().get("/api/v1/me/home");
    }

    @Test
    void myCasesWithWhatEachWaitsOnAndMyUnreadCount() {
        given().auth().oauth2(Tokens.patient("alice", "acme")).when().get("/api/v1/me/home?page=0&size=10")
                .then().statusCode(200).contentType("application/json")
                .body("partial", equalTo(false)).body("missing", empty()).body("withheld", empty())
                .body("unread", equalTo(3))
                .body("cases.page", equalTo(0)).body("cases.size", equalTo(10)).body("cases.total", equalTo(4))
                .body("cases.items.summary.memberId", everyItem(equalTo("alice")))
                .body("cases.items.summary.state", contains("COLLECTING_RECORDS", "IN_REVIEW", "REPORT_DELIVERED", "CLOSED"))
                .body("cases.items.waitingOn", contains("records", "specialists", "discussion", null));
    }

    @Test
    void aLateUnreadCountIsNamedMissingAndTheCasesStillComeInTime() {
        long start = System.nanoTime();
        given().auth().oauth2(Tokens.patient("slow-sam", "acme")).when().get("/api/v1/me/home")
                .then().statusCode(200).body("partial", equalTo(true)).body("missing", contains("unread"))
                .body("unread", nullValue()).body("cases.items.summary.memberId", everyItem(equalTo("slow-sam")));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void onlyPatientsHaveAHome() {
        for (String token : new String[]{Tokens.partner("acme"), Tokens.caseManager("dr-carla", "acme"),
                Tokens.ops("olivia"), Tokens.specialist("dr-sven")}) {
            given().auth().oauth2(token).when().get("/api/v1/me/home").then().statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aPageOutOfBoundsIsAProblem() {
        given().auth().oauth2(Tokens.patient("alice", "acme")).when().get("/api/v1/me/home?size=1000")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void withoutATokenThereIsNoHome() {
        given().when().get("/api/v1/me/home").then().statusCode(401).contentType("application/problem+json");
    }
}
