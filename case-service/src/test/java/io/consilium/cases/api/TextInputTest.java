package io.consilium.cases.api;

import io.consilium.cases.support.CaseApi;
import io.consilium.cases.support.Coverage;
import io.consilium.cases.support.Intakes;
import io.consilium.cases.support.Journey;
import io.consilium.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * The platform's input policy in case-service: NUL, controls, bidi overrides, noncharacters and lone surrogates
 * are refused with 400 naming the field (PostgreSQL answered NUL with a 500 before), and text is stored in NFC.
 */
@QuarkusTest
class TextInputTest {

    /** A covered member of a fresh tenant, about to open a case. */
    private static final class Member {
        final String tenant = "t-" + java.util.UUID.randomUUID();
        final String patient = Tokens.patient("p-" + java.util.UUID.randomUUID(), tenant, "M-1");

        Member() {
            Coverage.covered(tenant, "M-1");
        }
    }

    @Test
    void nulInACancelReasonIsRefusedAndChangesNothing() {
        Journey j = Journey.assigned();
        given().auth().oauth2(j.patient).contentType(ContentType.JSON).body(Map.of("reason", "changed my mind\u0000"))
                .when().post("/api/v1/cases/{id}/cancel", j.caseId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:consilium:problem:invalid-request"))
                .body("violations[0].field", equalTo("reason"))
                .body("violations[0].message", containsString("U+0000"));
        given().auth().oauth2(j.patient).when().get("/api/v1/cases/{id}", j.caseId)
                .then().body("state", equalTo("MANAGER_ASSIGNED"));
    }

    @Test
    void controlCharactersInTheDiagnosisAreRefused() {
        Member j = new Member();
        Map<String, Object> body = Intakes.valid("M-1");
        body.put("diagnosis", Map.of("text", "Gleason 7\u001B[2J\u0007", "icd10Code", "C61"));
        given().auth().oauth2(j.patient).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("diagnosis.text"));
    }

    @Test
    void aBidiOverrideInThePatientsNameIsRefused() {
        Member j = new Member();
        Map<String, Object> body = Intakes.valid("M-1");
        @SuppressWarnings("unchecked") Map<String, Object> patient = (Map<String, Object>) body.get("patient");
        patient.put("name", "Ana \u202Ezeiruz");
        given().auth().oauth2(j.patient).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("patient.name"));
    }

    @Test
    void aLoneSurrogateIsRefusedNotStoredAsAQuestionMark() {
        Journey j = Journey.assigned();
        given().auth().oauth2(j.patient).contentType(ContentType.JSON).body("{\"body\":\"half an emoji \\ud83d\"}")
                .when().post("/api/v1/cases/{id}/messages", j.caseId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"))
                .body("violations[0].message", containsString("surrogate"));
        given().auth().oauth2(j.patient).contentType(ContentType.JSON).body("{\"body\":\"not a character \\uffff\"}")
                .when().post("/api/v1/cases/{id}/messages", j.caseId)
                .then().statusCode(400).body("violations[0].field", equalTo("body"));
        given().auth().oauth2(j.patient).when().get("/api/v1/cases/{id}/messages", j.caseId)
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void textIsStoredInNfcAndLineBreaksStayInFreeText() {
        Journey j = Journey.assigned();
        given().auth().oauth2(j.patient).contentType(ContentType.JSON).body(Map.of("body", "Jose\u0301\nline two"))
                .when().post("/api/v1/cases/{id}/messages", j.caseId).then().statusCode(201);
        given().auth().oauth2(j.patient).when().get("/api/v1/cases/{id}/messages", j.caseId)
                .then().statusCode(200).body("items[0].body", equalTo("Jos\u00E9\nline two"));

        Member k = new Member();
        Map<String, Object> body = Intakes.valid("M-1");
        @SuppressWarnings("unchecked") Map<String, Object> patient = (Map<String, Object>) body.get("patient");
        patient.put("name", "Rene\u0301e Mu\u0308ller");
        String id = CaseApi.open(k.patient, body);
        given().auth().oauth2(k.patient).when().get("/api/v1/cases/{id}", id)
                .then().statusCode(200).body("intake.patient.name", equalTo("Ren\u00E9e M\u00FCller"));
    }

    @Test
    void nulInAQueryParameterIsRefusedNamingIt() {
        given().auth().oauth2(Tokens.ops("olivia")).urlEncodingEnabled(false)
                .when().get("/api/v1/cases?tenant=%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("tenant"));
        given().auth().oauth2(Tokens.ops("olivia")).urlEncodingEnabled(false)
                .when().get("/api/v1/ops/dead-letters?consumer=a%00b")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("consumer"));
    }

    @Test
    void nulInAPathSegmentIsRefusedNamingIt() {
        given().auth().oauth2(Tokens.ops("olivia")).urlEncodingEnabled(false)
                .when().get("/api/v1/case-managers/dr%00x")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("subject"));
        given().auth().oauth2(Tokens.ops("olivia")).urlEncodingEnabled(false)
                .when().get("/api/v1/case-managers/dr%E2%80%AEx")
                .then().statusCode(400).body("violations.field", hasItem("subject"));
    }

    @Test
    void aControlCharacterInAHeaderTheServiceReadsIsRefused() throws Exception {
        Journey j = Journey.assigned();
        // On a raw socket: HTTP clients replace control characters in header values before sending. A C1 control
        // (byte 0x85) passes Netty's header check and reaches the service, which refuses it naming the header.
        String answer = io.consilium.platform.testing.RawHttp.exchange(io.restassured.RestAssured.port,
                "GET /api/v1/cases/" + j.caseId + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + Tokens.ops("olivia") + "\r\nX-Break-Glass-Reason: patient emergency,\u0085 ward 3\r\n"
                        + "Connection: close\r\n\r\n");
        org.assertj.core.api.Assertions.assertThat(answer)
                .startsWith("HTTP/1.1 400")
                .contains("application/problem+json")
                .contains("\"field\":\"X-Break-Glass-Reason\"")
                .doesNotContain("ward");
        // A C0 control (BEL) Netty refuses itself before any handler runs: still 400, without a body (see docs/api.md).
        String refusedByNetty = io.consilium.platform.testing.RawHttp.exchange(io.restassured.RestAssured.port,
                "GET /api/v1/cases/" + j.caseId + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + Tokens.ops("olivia") + "\r\nX-Break-Glass-Reason: patient emergency,\u0007 ward 3\r\n"
                        + "Connection: close\r\n\r\n");
        org.assertj.core.api.Assertions.assertThat(refusedByNetty).startsWith("HTTP/1.1 400").doesNotContain("ward");
    }
}
