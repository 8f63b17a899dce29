package io.consilium.specialist.api;

import io.consilium.specialist.support.Directory;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** The directory over HTTP: only ops manage it; validation, versions, search and bulk import. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SpecialistResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private final String ops = Tokens.ops("ops-1");
    private final String specialty = Directory.uniqueSpecialty();

    @Test
    void withoutTokenTheDirectoryIsUnauthenticated() {
        given().when().get("/api/v1/specialists")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:consilium:problem:unauthenticated"))
                .body("instance", equalTo("/api/v1/specialists"));
    }

    @Test
    void onlyOpsManageTheDirectory() {
        for (String token : List.of(Tokens.specialist("s-1"), Tokens.caseManager("cm-1", "acme"), Tokens.partner("acme"),
                Tokens.patient("p-1", "acme"))) {
            given().auth().oauth2(token).when().get("/api/v1/specialists")
                    .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:consilium:problem:forbidden"));
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Directory.entry("s-x", specialty))
                    .when().post("/api/v1/specialists")
                    .then().statusCode(403).contentType(PROBLEM);
        }
    }

    @Test
    void opsAddReadAndReplaceAnEntryWithVersions() {
        String subject = "s-" + UUID.randomUUID();
        Map<String, Object> body = Directory.entry(subject, specialty);
        body.put("absences", List.of(Map.of("from", "2026-12-20", "to", "2027-01-06")));
        String id = given().auth().oauth2(ops).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/specialists")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/specialists/"))
                .header("ETag", equalTo("\"0\""))
                .body("subject", equalTo(subject))
                .body("conditions", contains("C60-C63"))
                .body("absences[0].to", equalTo("2027-01-06"))
                .body("active", equalTo(true))
                .extract().path("id");

        body.put("monthlyCapacity", 9);
        given().auth().oauth2(ops).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put("/api/v1/specialists/{id}", id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("monthlyCapacity", equalTo(9));
        given().auth().oauth2(ops).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put("/api/v1/specialists/{id}", id)
                .then().statusCode(412).contentType(PROBLEM).body("type", equalTo("urn:consilium:problem:precondition-failed"));
        given().auth().oauth2(ops).when().get("/api/v1/specialists/{id}", id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("monthlyCapacity", equalTo(9));
        given().auth().oauth2(ops).when().get("/api/v1/specialists/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:consilium:problem:not-found"));
    }

    @Test
    void invalidEntriesAreRefusedWithEveryViolation() {
        Map<String, Object> body = Directory.entry("s-" + UUID.randomUUID(), "Urology!");
        body.put("conditions", List.of("C61", "prostate", "C63-C60"));
        body.put("languages", List.of("spanish"));
        body.put("practiceCountry", "Germany");
        body.put("monthlyCapacity", -1);
        body.put("absences", List.of(Map.of("from", "2026-12-20", "to", "2026-12-01")));
        given().auth().oauth2(ops).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/specialists")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:consilium:problem:invalid-request"))
                .body("violations.field", hasItem("specialty"))
                .body("violations.field", hasItem("conditions[1]"))
                .body("violations.field", hasItem("conditionRangesAscending"))
                .body("violations.field", hasItem("languages[0]"))
                .body("violations.field", hasItem("practiceCountry"))
                .body("violations.field", hasItem("monthlyCapacity"))
                .body("violations.field", hasItem("absences[0].ordered"));
    }

    @Test
    void aLoginSubjectBelongsToOneSpecialistOnly() {
        String subject = "s-" + UUID.randomUUID();
        Directory.create(Directory.entry(subject, specialty));
        given().auth().oauth2(ops).contentType(ContentType.JSON).body(Directory.entry(subject, specialty))
                .when().post("/api/v1/specialists")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:consilium:problem:conflict"))
                .body("detail", containsString("subject"));
        given().auth().oauth2(ops).queryParam("specialty", specialty).queryParam("size", 100).when().get("/api/v1/specialists")
                .then().statusCode(200).body("items.findAll { it.subject == '" + subject + "' }", hasSize(1));
    }

    @Test
    void searchFiltersAndPages() {
        Map<String, Object> german = Directory.entry("s-" + UUID.randomUUID(), specialty);
        german.put("name", "Anna German");
        german.put("languages", List.of("de"));
        Directory.create(german);
        Map<String, Object> french = Directory.entry("s-" + UUID.randomUUID(), specialty);
        french.put("name", "Bernard French");
        french.put("languages", List.of("fr"));
        french.put("active", false);
        Directory.create(french);
        Map<String, Object> third = Directory.entry("s-" + UUID.randomUUID(), specialty);
        third.put("name", "Carla Both");
        third.put("languages", List.of("fr", "de"));
        Directory.create(third);

        given().auth().oauth2(ops).queryParam("specialty", specialty).queryParam("language", "de")
                .when().get("/api/v1/specialists")
                .then().statusCode(200).body("total", equalTo(2)).body("items.name", contains("Anna German", "Carla Both"));
        given().auth().oauth2(ops).queryParam("specialty", specialty).queryParam("active", "false")
                .when().get("/api/v1/specialists")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].name", equalTo("Bernard French"));
        given().auth().oauth2(ops).queryParam("specialty", specialty).queryParam("size", 2).queryParam("page", 1)
                .when().get("/api/v1/specialists")
                .then().statusCode(200).body("total", equalTo(3)).body("items", hasSize(1))
                .body("items[0].name", equalTo("Carla Both")).body("page", equalTo(1)).body("size", equalTo(2));
        given().auth().oauth2(ops).queryParam("specialty", specialty).queryParam("name", "ERNA")
                .when().get("/api/v1/specialists")
                .then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(ops).queryParam("active", "maybe")
                .when().get("/api/v1/specialists")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("active"));
        given().auth().oauth2(ops).queryParam("size", 101)
                .when().get("/api/v1/specialists")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("size"));
    }

    @Test
    void bulkImportTakesTheValidRowsAndReportsTheRejectedOnes() {
        String taken = "s-" + UUID.randomUUID();
        Directory.create(Directory.entry(taken, specialty));
        String dup = "s-" + UUID.randomUUID();
        Map<String, Object> badCode = Directory.entry("s-" + UUID.randomUUID(), specialty);
        badCode.put("conditions", List.of("X"));
        Map<String, Object> wrongType = Directory.entry("s-" + UUID.randomUUID(), specialty);
        wrongType.put("monthlyCapacity", "lots");
        List<Object> rows = List.of(
                Directory.entry("s-" + UUID.randomUUID(), specialty), // 0 ok
                badCode,                                              // 1 invalid code
                Directory.entry(taken, specialty),                    // 2 subject in the directory
                Directory.entry(dup, specialty),                      // 3 ok
                Directory.entry(dup, specialty),                      // 4 same subject as row 3
                wrongType,                                            // 5 not a number
                "not an object");                                     // 6
        given().auth().oauth2(ops).contentType(ContentType.JSON).body(rows)
                .when().post("/api/v1/specialists/import")
                .then().statusCode(200)
                .body("received", equalTo(7))
                .body("imported", equalTo(2))
                .body("importedIds", hasSize(2))
                .body("rejected.row", contains(1, 2, 4, 5, 6))
                .body("rejected[0].violations[0].field", equalTo("conditions[0]"))
                .body("rejected[1].violations[0].field", equalTo("subject"))
                .body("rejected[3].violations[0].field", equalTo("monthlyCapacity"));
        given().auth().oauth2(ops).queryParam("specialty", specialty)
                .when().get("/api/v1/specialists")
                .then().body("total", equalTo(3));
    }

    @Test
    void aFullImportOfFiveThousandRowsFitsTheBodyLimitAndOneMoreRowIsRefused() {
        List<Object> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            rows.add(Directory.entry("s-" + UUID.randomUUID(), specialty));
        }
        given().auth().oauth2(ops).contentType(ContentType.JSON).body(rows)
                .when().post("/api/v1/specialists/import")
                .then().statusCode(200).body("imported", equalTo(5000)).body("rejected", hasSize(0));

        rows.add(Directory.entry("s-" + UUID.randomUUID(), specialty));
        given().auth().oauth2(ops).contentType(ContentType.JSON).body(rows)
                .when().post("/api/v1/specialists/import")
                .then().statusCode(400).contentType("application/problem+json");
        // the platform's 1M limit still holds for every other endpoint
        given().auth().oauth2(ops).contentType(ContentType.JSON).body(Map.of("name", "x".repeat(1_100_000)))
                .when().post("/api/v1/specialists")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void searchByConditionMatchesTheEntriesThatCoverTheCode() {
        Map<String, String> byCondition = Map.of("range", "C60-C63", "category", "C61", "subcode", "C61.9",
                "other", "C50");
        byCondition.forEach((label, condition) -> {
            Map<String, Object> entry = Directory.entry("s-" + UUID.randomUUID(), specialty);
            entry.put("name", label);
            entry.put("conditions", List.of(condition));
            Directory.create(entry);
        });
        given().auth().oauth2(ops).queryParam("specialty", specialty).queryParam("condition", "c61.9")
                .when().get("/api/v1/specialists")
                .then().statusCode(200).body("items.name", containsInAnyOrder("range", "category", "subcode"));
        given().auth().oauth2(ops).queryParam("specialty", specialty).queryParam("condition", "C61")
                .when().get("/api/v1/specialists")
                .then().statusCode(200).body("items.name", containsInAnyOrder("range", "category"));
        given().auth().oauth2(ops).queryParam("specialty", specialty).queryParam("condition", "C60-C63")
                .when().get("/api/v1/specialists")
                .then().statusCode(200).body("items.name", contains("range"));
        given().auth().oauth2(ops).queryParam("specialty", specialty).queryParam("condition", "C70")
                .when().get("/api/v1/specialists")
                .then().statusCode(200).body("total", equalTo(0));
    }
}
