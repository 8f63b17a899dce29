package io.consilium.gateway.ops;

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
        return "gateway";
    }

    /** /q/openapi is the combined document of every service (CombinedOpenApiTest); the gateway's own moved here. */
    @Override
    protected String openApiPath() {
        return "/q/gateway-openapi";
    }
}
