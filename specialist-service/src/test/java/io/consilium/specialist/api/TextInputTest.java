package io.consilium.specialist.api;

import io.consilium.platform.testing.Tokens;
import io.consilium.specialist.support.Directory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The platform's input policy on the directory and the provider network: 400 naming the field, never a 500. */
@QuarkusTest
class TextInputTest {

    private final String ops = Tokens.ops("ops-1");
    private final String specialty = Directory.uniqueSpecialty();

    @Test
    void nulInASpecialistsNameIsRefusedAndNothingIsStored() {
        Map<String, Object> entry = Directory.entry("s-" + UUID.randomUUID(), specialty);
        entry.put("name", "Dr. \u0000Keller");
        given().auth().oauth2(ops).contentType(ContentType.JSON).body(entry)
                .when().post("/api/v1/specialists")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("name"))
                .body("violations[0].message", containsString("NUL"));
        given().auth().oauth2(ops).queryParam("specialty", specialty).when().get("/api/v1/specialists")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void bidiIsolatesAreRefusedInNamesButNotInFreeTextElsewhere() {
        String tenant = "t-" + UUID.randomUUID();
        given().auth().oauth2(ops).contentType(ContentType.JSON)
                .body(Map.of("tenant", tenant, "kind", "FACILITY", "name", "Clinic \u2066evil\u2069", "specialty", "urology",
                        "city", "Madrid", "country", "ES", "languages", List.of("es")))
                .when().post("/api/v1/providers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("name"))
                .body("violations[0].message", containsString("U+2066"));
    }

    @Test
    void refusedTextInAnImportRowRejectsThatRowOnly() {
        Map<String, Object> bad = Directory.entry("s-" + UUID.randomUUID(), specialty);
        bad.put("institution", "Institute\u001B");
        given().auth().oauth2(ops).contentType(ContentType.JSON)
                .body(List.of(Directory.entry("s-" + UUID.randomUUID(), specialty), bad))
                .when().post("/api/v1/specialists/import")
                .then().statusCode(200).body("imported", equalTo(1)).body("rejected.row", contains(1))
                .body("rejected[0].violations[0].field", equalTo("institution"));
    }

    @Test
    void namesAreStoredInNfc() {
        Map<String, Object> entry = Directory.entry("s-" + UUID.randomUUID(), specialty);
        entry.put("name", "Dr. Jose\u0301 Mu\u0308ller");
        String id = Directory.create(entry);
        given().auth().oauth2(ops).when().get("/api/v1/specialists/{id}", id)
                .then().statusCode(200).body("name", equalTo("Dr. Jos\u00E9 M\u00FCller"));
    }

    @Test
    void nulInAFilterOrInAPathSegmentIsRefusedNamingIt() {
        given().auth().oauth2(ops).urlEncodingEnabled(false).when().get("/api/v1/specialists?name=ke%00ller")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("name"));
        given().auth().oauth2(ops).urlEncodingEnabled(false).when().get("/api/v1/providers?city=%00")
                .then().statusCode(400).body("violations.field", hasItem("city"));
        given().auth().oauth2(ops).urlEncodingEnabled(false).when().get("/api/v1/specialists/%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("id"));
    }
}
