package io.consilium.cases.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Short REST Assured calls for the tests' arrange steps. */
public final class CaseApi {

    private CaseApi() {
    }

    public static String open(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases")
                .then().statusCode(201)
                .extract().path("id");
    }

    public static ValidatableResponse submit(String token, String caseId) {
        return given().auth().oauth2(token)
                .when().post("/api/v1/cases/{id}/submit", caseId)
                .then();
    }

    public static String openAndSubmit(String token, Map<String, Object> body) {
        String id = open(token, body);
        submit(token, id).statusCode(200);
        return id;
    }
}
