package io.consilium.cases.ops;

import io.consilium.platform.testing.OperationalEndpointsContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.consilium.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Readiness covers the real database and broker; metrics (management port only) and the OpenAPI document are served. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class OperationalEndpointsTest extends OperationalEndpointsContract {

    @Override
    protected String serviceName() {
        return "case-service";
    }

    @Test
    void aMethodNotAllowedOnACaseLeavesNoRawIdInTheMetrics() {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.ops("ops")).when().delete("/api/v1/cases/{id}", id).then().statusCode(405);
        given().auth().oauth2(Tokens.ops("ops")).when().get("/api/v1/cases/{id}", id).then().statusCode(404);
        String metrics = metrics();
        assertThat(metrics).doesNotContain(id).doesNotContain("uri=\"/api/v1/cases/" + id);
    }
}
