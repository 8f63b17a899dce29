package io.consilium.specialist.api;

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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/** In-network providers belong to one tenant: ops manage, case managers and partners search their own. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ProviderResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private final String tenant = "t-" + UUID.randomUUID();
    private final String other = "t-" + UUID.randomUUID();

    private static Map<String, Object> provider(String tenant, String name, String city, List<String> languages) {
        return Map.of("tenant", tenant, "kind", "FACILITY", "name", name, "specialty", "urology", "city", city,
                "country", "ES", "languages", languages);
    }

    private static String create(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/providers")
                .then().statusCode(201).header("ETag", equalTo("\"0\"")).extract().path("id");
    }

    @Test
    void caseManagersAndPartnersSearchOnlyTheirOwnTenantsNetwork() {
        create(provider(tenant, "Clinica Madrid", "Madrid", List.of("es", "en")));
        create(provider(tenant, "Hospital Sevilla", "Sevilla", List.of("es")));
        String foreign = create(provider(other, "Other Network Clinic", "Madrid", List.of("es")));

        given().auth().oauth2(Tokens.caseManager("cm-1", tenant)).queryParam("specialty", "urology")
                .when().get("/api/v1/providers")
                .then().statusCode(200).body("total", equalTo(2)).body("items.tenant", everyItem(equalTo(tenant)));
        given().auth().oauth2(Tokens.caseManager("cm-1", tenant)).queryParam("tenant", other)
                .when().get("/api/v1/providers")
                .then().statusCode(200).body("items.tenant", everyItem(equalTo(tenant)));
        given().auth().oauth2(Tokens.partner(tenant)).queryParam("language", "en")
                .when().get("/api/v1/providers")
                .then().statusCode(200).body("items.name", contains("Clinica Madrid"));
        given().auth().oauth2(Tokens.partner(tenant)).queryParam("city", "sevilla")
                .when().get("/api/v1/providers")
                .then().statusCode(200).body("items.name", contains("Hospital Sevilla"));
        given().auth().oauth2(Tokens.caseManager("cm-1", tenant)).when().get("/api/v1/providers/{id}", foreign)
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:consilium:problem:not-found"));
        given().auth().oauth2(Tokens.ops("ops-1")).queryParam("tenant", other)
                .when().get("/api/v1/providers")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void onlyOpsManageProvidersAndSpecialistsOrPatientsDoNotSearch() {
        given().auth().oauth2(Tokens.caseManager("cm-1", tenant)).contentType(ContentType.JSON)
                .body(provider(tenant, "X", "Madrid", List.of("es")))
                .when().post("/api/v1/providers")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.specialist("s-1")).when().get("/api/v1/providers")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.patient("p-1", tenant)).when().get("/api/v1/providers")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON)
                .body(Map.of("tenant", tenant, "kind", "SHOP", "name", "", "specialty", "urology", "city", "Madrid",
                        "country", "ES", "languages", List.of("es")))
                .when().post("/api/v1/providers")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("kind"));
        given().auth().oauth2(Tokens.ops("ops-1")).queryParam("kind", "SHOP").when().get("/api/v1/providers")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("kind"));
    }

    @Test
    void opsReplaceAProviderWithIfMatch() {
        String id = create(provider(tenant, "Clinica Madrid", "Madrid", List.of("es")));
        given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(provider(tenant, "Clinica Madrid Norte", "Madrid", List.of("es")))
                .when().put("/api/v1/providers/{id}", id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("name", equalTo("Clinica Madrid Norte"));
        given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(provider(tenant, "Stale", "Madrid", List.of("es")))
                .when().put("/api/v1/providers/{id}", id)
                .then().statusCode(412).contentType(PROBLEM);
    }
}
