package io.consilium.specialist.api;

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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * In-network providers carry the treatments they offer (catalogue codes and free text), their plan networks and
 * where they are; a search takes the treatment, the network and the patient's location.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ProviderTreatmentSearchTest {

    private static final String PROBLEM = "application/problem+json";
    private final String tenant = "t-" + UUID.randomUUID();
    private final String doctor = Tokens.caseManager("cm-" + UUID.randomUUID(), tenant);

    private Map<String, Object> provider(String name, String city, List<String> treatments, List<String> networks,
                                         Double latitude, Double longitude) {
        Map<String, Object> body = new HashMap<>(Map.of("tenant", tenant, "kind", "FACILITY", "name", name,
                "specialty", "ophthalmology", "city", city, "country", "ES", "languages", List.of("es"),
                "treatments", treatments, "networks", networks));
        body.put("latitude", latitude);
        body.put("longitude", longitude);
        return body;
    }

    private static String create(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/providers").then().statusCode(201).extract().path("id");
    }

    @Test
    void searchByTreatmentCodeOrTextAndNetworkNearestFirst() {
        create(provider("Ocular Oncology Barcelona", "Barcelona", List.of("PLAQUE_BRACHYTHERAPY", "ENUCLEATION"),
                List.of("premium"), 41.3874, 2.1686));
        create(provider("Ocular Oncology Madrid", "Madrid", List.of("PLAQUE_BRACHYTHERAPY"),
                List.of("premium", "basic"), 40.4168, -3.7038));
        Map<String, Object> textOnly = provider("Hospital Sevilla", "Sevilla", List.of(), List.of("basic"), null, null);
        textOnly.put("treatmentsText", "Plaque brachytherapy through our partner clinic");
        create(textOnly);
        create(provider("Allergy Centre Toledo", "Toledo", List.of("ALLERGEN_IMMUNOTHERAPY", "PATCH_TESTING"),
                List.of("basic"), 39.8628, -4.0273));

        // a code: the providers that offer it; near Madrid, nearest first with the distance
        given().auth().oauth2(doctor).queryParam("treatment", "PLAQUE_BRACHYTHERAPY")
                .queryParam("latitude", 40.45).queryParam("longitude", -3.69)
                .when().get("/api/v1/providers")
                .then().statusCode(200).body("total", equalTo(2))
                .body("items.name", contains("Ocular Oncology Madrid", "Ocular Oncology Barcelona"))
                .body("items[0].distanceKm", org.hamcrest.Matchers.lessThan(10f))
                .body("items[1].distanceKm", org.hamcrest.Matchers.greaterThan(450f))
                .body("items[0].treatments", contains("PLAQUE_BRACHYTHERAPY"));
        // free text matches the catalogue's names and the providers' own words
        given().auth().oauth2(doctor).queryParam("treatment", "plaque brachy")
                .when().get("/api/v1/providers")
                .then().statusCode(200)
                .body("items.name", containsInAnyOrder("Ocular Oncology Barcelona", "Ocular Oncology Madrid", "Hospital Sevilla"));
        // the plan network narrows it
        given().auth().oauth2(doctor).queryParam("treatment", "PLAQUE_BRACHYTHERAPY").queryParam("network", "basic")
                .when().get("/api/v1/providers")
                .then().statusCode(200).body("items.name", contains("Ocular Oncology Madrid"))
                .body("items[0].distanceKm", nullValue());
        // with coordinates, providers without any come last
        given().auth().oauth2(doctor).queryParam("network", "basic")
                .queryParam("latitude", 39.86).queryParam("longitude", -4.02)
                .when().get("/api/v1/providers")
                .then().statusCode(200)
                .body("items.name", contains("Allergy Centre Toledo", "Ocular Oncology Madrid", "Hospital Sevilla"));
        // by the patient's city
        given().auth().oauth2(doctor).queryParam("treatment", "PATCH_TESTING").queryParam("country", "ES")
                .queryParam("city", "toledo")
                .when().get("/api/v1/providers")
                .then().statusCode(200).body("items.name", contains("Allergy Centre Toledo"));
    }

    @Test
    void unknownTreatmentCodesAndHalfCoordinatesAreRefused() {
        given().auth().oauth2(doctor).queryParam("treatment", "LASER_MAGIC")
                .when().get("/api/v1/providers")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:consilium:problem:unprocessable"))
                .body("violations[0].field", equalTo("treatment"));
        given().auth().oauth2(doctor).queryParam("latitude", 40.4)
                .when().get("/api/v1/providers")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("longitude"));

        Map<String, Object> unknown = provider("Clinic X", "Madrid", List.of("PROTON_THERAPY", "LASER_MAGIC"),
                List.of(), null, null);
        given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON).body(unknown)
                .when().post("/api/v1/providers")
                .then().statusCode(422).contentType(PROBLEM).body("violations[0].field", equalTo("treatments[1]"));
        given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON)
                .body(provider("Clinic Y", "Madrid", List.of(), List.of(), 40.4, null))
                .when().post("/api/v1/providers")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(Tokens.ops("ops-1")).queryParam("tenant", tenant).when().get("/api/v1/providers")
                .then().statusCode(200).body("total", equalTo(0));
    }
}
