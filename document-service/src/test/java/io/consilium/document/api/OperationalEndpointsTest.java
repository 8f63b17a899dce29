package io.consilium.document.api;

import io.consilium.platform.testing.OperationalEndpointsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Readiness covers the real database and broker; metrics and the OpenAPI document (with the tus PATCH) are served. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class OperationalEndpointsTest extends OperationalEndpointsContract {

    @Override
    protected String serviceName() {
        return "document-service";
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
    void readinessCoversTheDocumentStore() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'Document store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Document store' }.data.kind", equalTo("local"));
    }
}
