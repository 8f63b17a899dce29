package io.consilium.cases.api;

import io.consilium.cases.support.Journey;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every endpoint that takes a case id answers an outsider exactly as it answers an unknown id (404 problem+json),
 * whatever the role: another patient of the same insurer, another insurer, a doctor not assigned to the case.
 * And nothing changes.
 */
@QuarkusTest
class ObjectAccessTest {

    record Endpoint(String method, String path, Object body, List<String> roles) {
    }

    private static final Map<String, Object> ANY_BODY = Map.of();

    @Test
    void outsidersGetNotFoundOnEveryCaseEndpoint() {
        Journey j = Journey.collectingRecords();
        String consentId = given().auth().oauth2(j.patient).contentType(ContentType.JSON)
                .body(Map.of("purpose", "REPORT_TO_PARTNER"))
                .when().post("/api/v1/cases/{id}/consents", j.caseId).then().statusCode(201).extract().path("id");
        long versionBefore = version(j);

        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", "", null, List.of("patient", "partner", "case-manager")),
                new Endpoint("POST", "/submit", null, List.of("patient", "partner")),
                new Endpoint("GET", "/timeline", null, List.of("patient", "partner", "case-manager")),
                new Endpoint("POST", "/records-requests", Map.of("items", List.of(Map.of("code", "MRI", "label", "MRI", "required", true))), List.of("case-manager")),
                new Endpoint("POST", "/records-complete", null, List.of("case-manager")),
                new Endpoint("POST", "/review-requests", Map.of("panelSize", 1), List.of("case-manager")),
                new Endpoint("POST", "/discussion", Map.of("summary", "x"), List.of("case-manager")),
                new Endpoint("POST", "/close", null, List.of("case-manager")),
                new Endpoint("POST", "/cancel", Map.of("reason", "x"), List.of("patient", "partner", "case-manager")),
                new Endpoint("POST", "/consents", Map.of("purpose", "REPORT_TO_PARTNER"), List.of("patient")),
                new Endpoint("GET", "/consents", null, List.of("patient", "partner", "case-manager")),
                new Endpoint("POST", "/consents/" + consentId + "/revoke", null, List.of("patient")),
                new Endpoint("POST", "/messages", Map.of("body", "hello"), List.of("patient", "case-manager")),
                new Endpoint("GET", "/messages", null, List.of("patient", "case-manager")),
                new Endpoint("POST", "/follow-ups", ANY_BODY, List.of("case-manager")),
                new Endpoint("GET", "/follow-ups", null, List.of("patient", "case-manager")),
                new Endpoint("POST", "/follow-ups/" + UUID.randomUUID() + "/outcome",
                        Map.of("treatmentChosen", "x", "opinionFollowed", "YES"), List.of("case-manager")),
                new Endpoint("GET", "/sla", null, List.of("patient", "partner", "case-manager")),
                new Endpoint("POST", "/sla/pause", null, List.of("case-manager")),
                new Endpoint("POST", "/sla/resume", null, List.of("case-manager")),
                new Endpoint("GET", "/access-log", null, List.of("patient")));

        Map<String, String> outsiders = Map.of(
                "patient", Tokens.patient("p-outsider-" + UUID.randomUUID(), j.tenant),
                "partner", Tokens.partner("t-outsider-" + UUID.randomUUID()),
                "case-manager", Tokens.caseManager("dr-outsider-" + UUID.randomUUID(), j.tenant));

        int checked = 0;
        for (Endpoint e : endpoints) {
            for (String role : e.roles()) {
                for (String caseId : List.of(j.caseId, UUID.randomUUID().toString())) {
                    var request = given().auth().oauth2(outsiders.get(role));
                    if (e.body() != null) {
                        request = request.contentType(ContentType.JSON).body(e.body());
                    }
                    request.when().request(e.method(), "/api/v1/cases/" + caseId + e.path())
                            .then().statusCode(404).contentType("application/problem+json")
                            .body("type", equalTo("urn:consilium:problem:not-found"));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(2 * endpoints.stream().mapToInt(e -> e.roles().size()).sum());
        assertThat(version(j)).as("no outsider changed the case").isEqualTo(versionBefore);
        given().auth().oauth2(j.patient).when().get("/api/v1/cases/{id}/consents", j.caseId)
                .then().body("[0].active", equalTo(true));
    }

    @Test
    void partnerSeesOnlyItsTenantsStatisticsAndPlans() {
        Journey j = Journey.assigned();
        String other = Tokens.partner("t-other-" + UUID.randomUUID());
        given().auth().oauth2(other).queryParam("tenant", j.tenant)
                .queryParam("from", "2020-01-01T00:00:00Z").queryParam("to", "2030-01-01T00:00:00Z")
                .when().get("/api/v1/statistics/outcomes").then().statusCode(403);
        given().auth().oauth2(other).queryParam("from", "2020-01-01T00:00:00Z").queryParam("to", "2030-01-01T00:00:00Z")
                .when().get("/api/v1/statistics/outcomes").then().statusCode(200).body("casesByState.size()", equalTo(0));
        String planId = given().auth().oauth2(j.partner).when().get("/api/v1/plans").then().extract().path("[0].id");
        given().auth().oauth2(other).when().get("/api/v1/plans/{id}", planId).then().statusCode(404);
        given().auth().oauth2(other).queryParam("tenant", j.tenant).when().get("/api/v1/plans")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    private static long version(Journey j) {
        return ((Number) given().auth().oauth2(j.patient).when().get("/api/v1/cases/{id}", j.caseId)
                .then().statusCode(200).extract().path("version")).longValue();
    }
}
