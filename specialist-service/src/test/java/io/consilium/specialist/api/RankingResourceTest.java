package io.consilium.specialist.api;

import io.consilium.specialist.support.Directory;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Ops preview and read rankings; nobody else does; unknown cases answer 404. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class RankingResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private final String specialty = Directory.uniqueSpecialty();

    private Map<String, Object> request() {
        Map<String, Object> body = new HashMap<>();
        body.put("requestedSpecialty", specialty);
        body.put("subspecialty", "uro-oncology");
        body.put("diagnosisIcd10", "C61");
        body.put("preferredLanguage", "es");
        body.put("countryOfResidence", "ES");
        body.put("treatingInstitution", "Hospital Central");
        body.put("panelSize", 2);
        body.put("allowedCountries", List.of());
        return body;
    }

    @Test
    void previewOfASeatTheCountryRuleNeedsFromAbroadExplainsWhoItExcludes() {
        String spanish = "s-" + UUID.randomUUID();
        Map<String, Object> es = Directory.entry(spanish, specialty);
        es.put("practiceCountry", "ES");
        String spanishId = Directory.create(es);
        String french = "s-" + UUID.randomUUID();
        Map<String, Object> fr = Directory.entry(french, specialty);
        fr.put("practiceCountry", "FR");
        String frenchId = Directory.create(fr);
        String german = "s-" + UUID.randomUUID();
        Directory.create(Directory.entry(german, specialty));

        Map<String, Object> body = request();
        body.put("excludedCountries", List.of("FR"));
        body.put("outsideResidenceRequired", true);
        given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/rankings")
                .then().statusCode(200)
                .body("ranked.specialistSubject", contains(german))
                .body("excluded.find { it.specialistId == '" + spanishId + "' }.reason", equalTo("OUTSIDE_RESIDENCE_REQUIRED"))
                .body("excluded.find { it.specialistId == '" + frenchId + "' }.reason", equalTo("COUNTRY_NOT_ALLOWED"));

        body.put("excludedCountries", List.of("fr"));
        given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/rankings")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void previewRanksWithExplainedScoresAndExcludesAbsentSpecialists() {
        String fast = "s-" + UUID.randomUUID();
        Map<String, Object> a = Directory.entry(fast, specialty);
        a.put("turnaroundDays", 3.0);
        Directory.create(a);
        String slow = "s-" + UUID.randomUUID();
        Map<String, Object> b = Directory.entry(slow, specialty);
        b.put("turnaroundDays", 12.0);
        Directory.create(b);
        Map<String, Object> away = Directory.entry("s-" + UUID.randomUUID(), specialty);
        away.put("absences", List.of(Map.of("from", "2000-01-01", "to", "2999-12-31")));
        String awayId = Directory.create(away);

        given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON).body(request())
                .when().post("/api/v1/rankings")
                .then().statusCode(200)
                .body("candidates", equalTo(2))
                .body("ranked.specialistSubject", contains(fast, slow))
                .body("ranked[0].rank", equalTo(1))
                .body("ranked[0].score.specialty", equalTo(20.0f))
                .body("ranked[0].score.condition", equalTo(25.0f))
                .body("ranked[0].score.language", equalTo(15.0f))
                .body("ranked[0].score.capacity", equalTo(15.0f))
                .body("ranked[0].score.turnaround", equalTo(13.5f))
                .body("ranked[0].score.licence", equalTo(10.0f))
                .body("ranked[0].score.total", equalTo(98.5f))
                .body("excluded[0].specialistId", equalTo(awayId))
                .body("excluded[0].reason", equalTo("ABSENT"));
    }

    @Test
    void rankingsFollowEveryDirectoryChange() {
        Map<String, Object> entry = Directory.entry("s-" + UUID.randomUUID(), specialty);
        String id = Directory.create(entry);
        preview().body("candidates", equalTo(1));

        entry.put("active", false);
        given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON).body(entry)
                .when().put("/api/v1/specialists/{id}", id).then().statusCode(200);
        preview().body("candidates", equalTo(0)).body("excluded[0].reason", equalTo("INACTIVE"));

        given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON)
                .body(List.of(Directory.entry("s-" + UUID.randomUUID(), specialty), Directory.entry("s-" + UUID.randomUUID(), specialty)))
                .when().post("/api/v1/specialists/import").then().statusCode(200).body("imported", equalTo(2));
        preview().body("candidates", equalTo(2)).body("excludedTotal", equalTo(1));

        entry.put("active", true);
        entry.put("currentLoad", 5);
        given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON).body(entry)
                .when().put("/api/v1/specialists/{id}", id).then().statusCode(200);
        preview().body("candidates", equalTo(2)).body("excluded[0].reason", equalTo("AT_CAPACITY"));
    }

    private io.restassured.response.ValidatableResponse preview() {
        return given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON).body(request())
                .when().post("/api/v1/rankings").then().statusCode(200);
    }

    @Test
    void onlyOpsSeeRankings() {
        given().auth().oauth2(Tokens.specialist("s-1")).contentType(ContentType.JSON).body(request())
                .when().post("/api/v1/rankings")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.caseManager("cm-1", "acme")).when().get("/api/v1/cases/{id}/ranking", UUID.randomUUID())
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.ops("ops-1")).when().get("/api/v1/cases/{id}/ranking", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:consilium:problem:not-found"));
        given().auth().oauth2(Tokens.ops("ops-1")).when().get("/api/v1/cases/{id}/panel", "not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void invalidPreviewRequestsAreRefused() {
        Map<String, Object> body = request();
        body.put("panelSize", 4);
        body.put("diagnosisIcd10", "prostate");
        given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/rankings")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("panelSize"))
                .body("violations.field", hasItem("diagnosisIcd10"));
    }
}
