package io.consilium.cases.api;

import io.consilium.cases.support.Journey;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/** A case's JSON is clinical content: never cached, never sniffed into another type. */
@QuarkusTest
class ClinicalHeadersTest {

    @Test
    void aCaseIsAnsweredWithNoStoreAndNosniff() {
        Journey j = Journey.opened();
        given().auth().oauth2(j.patient).when().get("/api/v1/cases/{id}", j.caseId)
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
        given().auth().oauth2(j.patient).when().get("/api/v1/cases/{id}", java.util.UUID.randomUUID())
                .then().statusCode(404)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
    }
}
