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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The ops dashboard from the stand-ins of {@link AggregateStubs}: a count per state (the stand-in's list total: the
 * state name's length, plus 100 unless narrowed to acme), the ops queue's clocks at risk or breached, each live
 * service's open dead letters (report-service is down: named missing), failing or disabled webhook endpoints, the
 * case activity (cases per tenant by state, opened and closed per day).
 */
@QuarkusTest
@TestProfile(AggregateProfile.class)
class OpsDashboardTest {

    @BeforeEach
    void warmUp() {
        // the first aggregate of a fresh application (keys, pools, JIT) is no measure of the aggregate's deadline
        given().auth().oauth2(Tokens.ops("warm")).when().get("/api/v1/ops/dashboard");
    }

    @Test
    void everyFigureFromItsServiceAndADownServiceNamedMissingInTime() {
        long start = System.nanoTime();
        given().auth().oauth2(Tokens.ops("olivia")).when().get("/api/v1/ops/dashboard")
                .then().statusCode(200).contentType("application/json")
                .body("tenant", nullValue())
                .body("casesByState.DRAFT", equalTo(105)).body("casesByState.IN_REVIEW", equalTo(109))
                .body("casesByState.REJECTED", equalTo(108))
                .body("clocks.atRisk", equalTo(1)).body("clocks.breached", equalTo(1))
                .body("clocks.byTenant.acme", equalTo(1)).body("clocks.byTenant.globex", equalTo(1))
                .body("clocks.items.status", contains("AT_RISK", "BREACHED"))
                .body("openDeadLetters.case-service", equalTo(2)).body("openDeadLetters.document-service", equalTo(0))
                .body("openDeadLetters.specialist-service", equalTo(25))
                .body("openDeadLetters.notification-service", equalTo(1))
                .body("openDeadLetters", not(hasKey("report-service")))
                // the first 20 open ones listed as the service gave them; the count stays the service's total
                .body("deadLetterItems.specialist-service.size()", equalTo(20))
                .body("deadLetterItems.case-service.id", contains("case-service-dl-0", "case-service-dl-1"))
                .body("deadLetterItems.case-service[0].consumer", equalTo("case-service-consumer"))
                .body("deadLetterItems.case-service[0].error", equalTo("boom 0"))
                .body("deadLetterItems.document-service", empty())
                .body("deadLetterItems", not(hasKey("report-service")))
                .body("casesByTenant.acme.DRAFT", equalTo(2)).body("casesByTenant.acme.CLOSED", equalTo(1))
                .body("casesByTenant.globex.IN_REVIEW", equalTo(4))
                .body("openedClosedPerDay.size()", equalTo(14))
                .body("openedClosedPerDay[0].date", equalTo("2026-11-20"))
                .body("openedClosedPerDay[12].date", equalTo("2026-12-02"))
                .body("openedClosedPerDay[12].opened", equalTo(3)).body("openedClosedPerDay[12].closed", equalTo(1))
                .body("openedClosedPerDay[13].opened", equalTo(0))
                .body("webhooks.checked", equalTo(3)).body("webhooks.total", equalTo(3))
                .body("webhooks.items.id", contains("e2", "e3"))
                .body("partial", equalTo(true)).body("missing", contains("dead-letters:report-service"))
                .body("withheld", empty());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void narrowedToOneTenant() {
        given().auth().oauth2(Tokens.ops("olivia")).when().get("/api/v1/ops/dashboard?tenant=acme")
                .then().statusCode(200).body("tenant", equalTo("acme"))
                .body("casesByState.DRAFT", equalTo(5)).body("casesByState.IN_REVIEW", equalTo(9))
                .body("casesByTenant.keySet()", contains("acme"));
    }

    @Test
    void aMissingActivityIsNamedAndItsFiguresAreNull() {
        given().auth().oauth2(Tokens.ops("otto-slow-activity")).when().get("/api/v1/ops/dashboard")
                .then().statusCode(200)
                .body("partial", equalTo(true))
                .body("missing", containsInAnyOrder("activity", "dead-letters:report-service"))
                .body("casesByTenant", nullValue()).body("openedClosedPerDay", nullValue())
                .body("casesByState.DRAFT", equalTo(105)).body("openDeadLetters.case-service", equalTo(2));
    }

    @Test
    void aPartItsServiceRefusesTheCallerIsLeftOut() {
        given().auth().oauth2(Tokens.ops("olga-limited")).when().get("/api/v1/ops/dashboard")
                .then().statusCode(200).body("withheld", containsInAnyOrder("clocks", "activity")).body("clocks", nullValue())
                .body("casesByTenant", nullValue()).body("openedClosedPerDay", nullValue())
                .body("casesByState.DRAFT", equalTo(105));
    }

    @Test
    void onlyOpsHaveTheDashboard() {
        for (String token : new String[]{Tokens.patient("alice", "acme"), Tokens.partner("acme"),
                Tokens.caseManager("dr-carla", "acme"), Tokens.specialist("dr-sven")}) {
            given().auth().oauth2(token).when().get("/api/v1/ops/dashboard").then().statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aTenantThatIsNotAPlainNameIsAProblem() {
        given().auth().oauth2(Tokens.ops("olivia")).when().get("/api/v1/ops/dashboard?tenant=a%26state=DRAFT")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void withoutATokenThereIsNoDashboard() {
        given().when().get("/api/v1/ops/dashboard").then().statusCode(401).contentType("application/problem+json");
    }
}
