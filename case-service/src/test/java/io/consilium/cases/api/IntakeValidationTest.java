package io.consilium.cases.api;

import io.consilium.cases.domain.SmoCase;
import io.consilium.cases.support.Intakes;
import io.consilium.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/** Bad intakes get a problem+json 400 naming the fields, and nothing is stored. */
@QuarkusTest
@SuppressWarnings("unchecked")
class IntakeValidationTest {

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URI url;

    private static final String PROBLEM = "application/problem+json";

    private final String tenant = "t-" + UUID.randomUUID();
    private final String token = Tokens.partner(tenant);

    @AfterEach
    void nothingWasStored() {
        long stored = QuarkusTransaction.requiringNew().call(() -> SmoCase.count("tenant", tenant));
        assertThat(stored).as("cases stored for a refused intake").isZero();
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        Map<String, Object> body = Intakes.valid("M-1");
        body.remove("memberId");
        body.remove("reasons");
        body.remove("diagnosis");
        ((Map<String, Object>) body.get("patient")).remove("preferredLanguage");
        post(body).statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:consilium:problem:invalid-request"))
                .body("violations.field", hasItems("reasons", "diagnosis", "patient.preferredLanguage"));
    }

    @Test
    void oversizedStringsAreRefused() {
        Map<String, Object> body = Intakes.valid("M-2");
        body.put("proposedTreatment", "x".repeat(2001));
        body.put("otherQuestions", List.of("fine", "y".repeat(1001)));
        post(body).statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItems("proposedTreatment", "otherQuestions[1]"));
    }

    @Test
    void unknownReasonCodeIsRefusedWithTheAllowedValues() {
        Map<String, Object> body = Intakes.valid("M-3");
        body.put("reasons", List.of("CONFIRM_DIAGNOSIS", "BECAUSE_I_SAY_SO"));
        post(body).statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("reasons[1]"))
                .body("violations[0].message", containsString("CONFIRM_DIAGNOSIS"));
    }

    @Test
    void badCodesAreRefused() {
        Map<String, Object> body = Intakes.valid("M-4");
        ((Map<String, Object>) body.get("patient")).put("countryOfResidence", "Spain");
        ((Map<String, Object>) body.get("diagnosis")).put("icd10Code", "prostate");
        body.put("requestedSpecialty", "Uro logy");
        post(body).statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItems("patient.countryOfResidence", "diagnosis.icd10Code",
                        "requestedSpecialty"));
    }

    @Test
    void tooManyItemsAreRefused() {
        Map<String, Object> body = Intakes.valid("M-5");
        body.put("otherQuestions", java.util.Collections.nCopies(21, "why?"));
        post(body).statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("otherQuestions"));
    }

    @Test
    void malformedJsonIsABadRequestWithoutEcho() {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"memberId\": \"M-6\", \"reasons\": [")
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", not(containsString("M-6")));
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"memberId\": \"M-7\", \"reasons\": \"CONFIRM_DIAGNOSIS\", \"patient\": 5}")
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void missingBodyIsABadRequest() {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        given().auth().oauth2(token).contentType(ContentType.XML).body("<case/>")
                .when().post("/api/v1/cases")
                .then().statusCode(415).contentType(PROBLEM).body("status", equalTo(415));
    }

    @Test
    void oversizedBodyIsRefusedBeforeItIsRead() {
        Map<String, Object> body = Intakes.valid("M-8");
        body.put("proposedTreatment", "z".repeat(300 * 1024));
        post(body).statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
    }

    @SuppressWarnings("unchecked")
    @Test
    void aBodyWithoutContentTypeIsRefused() throws Exception {
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Intakes.valid("M-9"));
        // java.net.http sends no Content-Type unless told to (REST Assured always adds one)
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(url.resolve("/api/v1/cases"))
                        .header("Authorization", "Bearer " + token)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(answer.body()).contains("unsupported-media-type");
    }

    private io.restassured.response.ValidatableResponse post(Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases").then();
    }
}
