package io.consilium.gateway.api;

import io.consilium.platform.testing.ApiProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The platform's probe of every gateway operation in its OpenAPI document (no token 401; NUL, BEL, bidi override and
 * 1 MB strings refused with 4xx problem+json and nothing stored; outsiders 403/404). Its API is only the platform's
 * so far; the first endpoint of its own is probed as soon as it is in the document, and the first one with a path
 * id makes this test ask for a fixture (override {@code objects()}).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ApiProbeTest extends ApiProbe {

    @Override
    protected io.consilium.platform.testing.ProbeObjects objects() {
        return io.consilium.platform.testing.ProbeObjects.create()
                .notAnObject("dead-letters/{id}", "dead letters are for ops only, who see every one");
    }
}
