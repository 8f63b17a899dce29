package io.consilium.gateway.api;

import io.consilium.gateway.support.AggregateProfile;
import io.consilium.gateway.support.AggregateStubs;
import io.consilium.platform.testing.Tokens;
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
 * The personal doctor's work queue: the cases case-service lists to the caller's token (the stand-in: those assigned
 * to the subject), each with its clocks and what it waits on, by next deadline; clocks that never come named
 * missing within the aggregate timeout (1 s in tests), that case last; other roles refused by the gateway.
 */
@QuarkusTest
@TestProfile(AggregateProfile.class)
class WorkQueueTest {

    private static final java.util.List<String> CASES = AggregateStubs.MANAGER_CASES;

    @BeforeEach
    void warmUp() {
        // the first aggregate of a fresh application (keys, pools, JIT) is no measure of the aggregate's deadline
        given().auth().oauth2(Tokens.caseManager("dr-warm", "acme")).when().get("/api/v1/me/work-queue");
    }

    @Test
    void myCasesBySlaWithWhatEachWaitsOnAndAClockThatNeverCameNamed() {
        long start = System.nanoTime();
        given().auth().oauth2(Tokens.caseManager("dr-carla", "acme")).when().get("/api/v1/me/work-queue?size=50")
                .then().statusCode(200).contentType("application/json")
                .body("cases.items.summary.managerId", everyItem(equalTo("dr-carla")))
                // case 2's review is due 3 December, case 1's on the 20th; case 3's clocks never came
                .body("cases.items.summary.id", contains(CASES.get(1), CASES.get(0), CASES.get(2)))
                .body("cases.items.nextDueAt", contains("2026-12-03T00:00:00Z", "2026-12-20T00:00:00Z", null))
                .body("cases.items.nextStatus", contains("ON_TRACK", "ON_TRACK", null))
                .body("cases.items.waitingOn", contains("specialists", "records", "records"))
                .body("cases.items[2].clocks", nullValue())
                .body("cases.size", equalTo(50)).body("cases.total", equalTo(3))
                .body("partial", equalTo(true)).body("missing", contains("sla:" + CASES.get(2)))
                .body("withheld", empty());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void onlyPersonalDoctorsHaveAWorkQueue() {
        for (String token : new String[]{Tokens.patient("alice", "acme"), Tokens.partner("acme"), Tokens.ops("olivia"),
                Tokens.specialist("dr-sven")}) {
            given().auth().oauth2(token).when().get("/api/v1/me/work-queue").then().statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aPageOutOfBoundsIsAProblem() {
        given().auth().oauth2(Tokens.caseManager("dr-carla", "acme")).when().get("/api/v1/me/work-queue?page=-1")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void withoutATokenThereIsNoWorkQueue() {
        given().when().get("/api/v1/me/work-queue").then().statusCode(401).contentType("application/problem+json");
    }
}
