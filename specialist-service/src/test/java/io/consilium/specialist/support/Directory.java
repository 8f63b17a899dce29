package io.consilium.specialist.support;

import io.consilium.platform.testing.Tokens;
import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Directory entries for tests: a valid body as a mutable map, and creating it through the API as ops. */
public final class Directory {

    private Directory() {
    }

    /** A fresh specialty slug, so a test's ranking sees only the specialists it created. */
    public static String uniqueSpecialty() {
        return "spec-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> entry(String subject, String specialty) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("name", "Dr. " + subject);
        body.put("specialty", specialty);
        body.put("subspecialties", List.of("uro-oncology"));
        body.put("conditions", List.of("C60-C63"));
        body.put("languages", List.of("es", "en"));
        body.put("licenceCountries", List.of("ES", "DE"));
        body.put("practiceCountry", "DE");
        body.put("institution", "Institute " + subject);
        body.put("monthlyCapacity", 5);
        body.put("currentLoad", 0);
        body.put("turnaroundDays", 5.0);
        return body;
    }

    public static String create(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.ops("ops-1")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/specialists")
                .then().statusCode(201)
                .extract().path("id");
    }
}
