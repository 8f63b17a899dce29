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
}
