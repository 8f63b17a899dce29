package io.consilium.specialist.ops;

import io.consilium.platform.testing.OperationalEndpointsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Readiness covers the real database and broker; metrics and the OpenAPI document are served. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class OperationalEndpointsTest extends OperationalEndpointsContract {

    @Override
    protected String serviceName() {
        return "specialist-service";
    }

    @org.junit.jupiter.api.Test
    void theImportIsDocumentedAsAnArrayOfDirectoryEntriesNotJacksonNodes() {
        io.restassured.RestAssured.given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/specialists/import'.post.requestBody.content.'application/json'.schema.type",
                        org.hamcrest.Matchers.equalTo("array"))
                .body("paths.'/api/v1/specialists/import'.post.requestBody.content.'application/json'.schema.items.'$ref'",
                        org.hamcrest.Matchers.endsWith("/SpecialistRequest"))
                .body("components.schemas", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("JsonNode")));
    }
}

