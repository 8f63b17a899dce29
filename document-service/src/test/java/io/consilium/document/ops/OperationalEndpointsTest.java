package io.consilium.document.ops;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Readiness covers the real database and broker; metrics and the OpenAPI document are served. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class OperationalEndpointsTest {

    @Test
    void readinessChecksTheDatabaseAndTheBroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreServed() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDocumentsTheStreamingPatchBesideTheJaxRsEndpoints() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/uploads/{uploadId}'.patch.summary", containsString("tus PATCH"))
                .body("paths.'/api/v1/uploads/{uploadId}'.patch.responses.'413'.description", containsString("Upload-Length"))
                .body("paths.'/api/v1/uploads/{uploadId}'.head.summary", containsString("offset"))
                .body("paths.'/api/v1/cases/{caseId}/uploads'.post.summary", containsString("Create an upload"));
    }

    @Test
    void openApiDocumentIsServed() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).body("info.title", containsString("document-service"));
    }
}
