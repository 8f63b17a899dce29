package io.consilium.gateway.api;

import io.consilium.gateway.support.UpstreamStubs;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * The case overview: every part from its service with the caller's own token, in parallel; a part that is late or
 * whose service is down is named as missing within the aggregate timeout (1 s in tests); a part its service refuses
 * the caller is left out; a case the caller may not see is the case service's own 404.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class CaseOverviewTest {

    @Test
    void everyPartComesFromItsServiceWithTheCallersOwnToken() {
        String token = Tokens.caseManager("dr-carla", "acme");
        String caseId = UUID.randomUUID().toString();
        Response response = given().auth().oauth2(token).when().get("/api/v1/cases/{id}/overview", caseId);
        response.then().statusCode(200).contentType("application/json")
                .body("caseId", equalTo(caseId))
                .body("parts.case.service", equalTo("case-service"))
                .body("parts.case.uri", equalTo("/api/v1/cases/" + caseId))
                .body("parts.timeline.uri", equalTo("/api/v1/cases/" + caseId + "/timeline"))
                .body("parts.sla.service", equalTo("case-service"))
                .body("parts.checklist.service", equalTo("document-service"))
                .body("parts.specimens.service", equalTo("document-service"))
                .body("parts.panel.service", equalTo("specialist-service"))
                .body("parts.reports.service", equalTo("report-service"))
                // notification-service is down in these tests
                .body("partial", equalTo(true)).body("missing", contains("notifications"))
                .body("parts.notifications", nullValue());
        for (String part : new String[]{"case", "timeline", "sla", "checklist", "specimens", "panel", "reports"}) {
            assertThat(response.jsonPath().getString("parts." + part + ".headers.authorization")).as(part)
                    .isEqualTo("Bearer " + token);
            assertThat(response.jsonPath().getString("parts." + part + ".headers.x-request-id")).as(part)
                    .isEqualTo(response.header("X-Request-Id"));
        }
    }

    @Test
    void aSlowPartIsNamedMissingAndTheAnswerComesInTime() {
        long start = System.nanoTime();
        given().auth().oauth2(Tokens.ops("olivia")).when().get("/api/v1/cases/{id}/overview", UpstreamStubs.SLOW_PANEL_CASE)
                .then().statusCode(200).body("partial", equalTo(true))
                .body("missing", containsInAnyOrder("panel", "notifications"))
                .body("parts.case.service", equalTo("case-service"))
                .body("parts.panel", nullValue());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aPartSlowerThanTheAggregateDoesNotOpenItsServicesCircuit() {
        // report-service's circuit opens after 3 failures in a row in tests: four overviews outwait its part
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(Tokens.ops("olivia")).when().get("/api/v1/cases/{id}/overview", UpstreamStubs.SLOW_REPORTS_CASE)
                    .then().statusCode(200).body("partial", equalTo(true)).body("missing", hasItem("reports"));
        }
        given().auth().oauth2(Tokens.ops("olivia")).when().get("/api/v1/reports/" + UUID.randomUUID())
                .then().statusCode(200).body("service", equalTo("report-service"));
    }

    @Test
    void aPartTheServiceRefusesTheCallerIsLeftOut() {
        given().auth().oauth2(Tokens.partner("acme")).when().get("/api/v1/cases/{id}/overview", UpstreamStubs.SLOW_PANEL_CASE)
                .then().statusCode(200).body("withheld", contains("reports")).body("parts.reports", nullValue());
    }

    @Test
    void aCaseTheCallerMayNotSeeIsTheCaseServicesOwnAnswer() {
        given().auth().oauth2(Tokens.patient("bob", "acme")).when().get("/api/v1/cases/{id}/overview", UpstreamStubs.HIDDEN_CASE)
                .then().statusCode(404).contentType("application/problem+json")
                .body("service", equalTo("case-service")).body("parts", nullValue());
    }

    @Test
    void anOverviewTakesARateLimitToken() {
        given().auth().oauth2(Tokens.ops("olivia")).when().get("/api/v1/cases/{id}/overview", UUID.randomUUID())
                .then().statusCode(200).header("RateLimit-Policy", "\"users\";q=1000000;w=60")
                .header("RateLimit", org.hamcrest.Matchers.startsWith("\"users\";r="));
    }

    @Test
    void withoutATokenThereIsNoOverview() {
        given().when().get("/api/v1/cases/{id}/overview", UUID.randomUUID()).then().statusCode(401)
                .contentType("application/problem+json");
    }
}
