package io.consilium.gateway.api;

import io.consilium.gateway.support.UpstreamStubs;
import io.consilium.platform.testing.ApiProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The platform's probe of every gateway operation in its OpenAPI document (no token 401; NUL, BEL, bidi override and
 * 1 MB strings refused with 4xx problem+json and nothing stored; outsiders 403/404). Proxied paths are the services'
 * own and probed there; here: the gateway's dead letters and its aggregates (case overview, patient home, work
 * queue, ops dashboard).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(UpstreamStubs.class)
class ApiProbeTest extends ApiProbe {

    /** The gateway's own operations: /q/openapi is the combined document, whose proxied paths are probed at their services. */
    @Override
    protected String openApiPath() {
        return "/q/gateway-openapi";
    }

    @Override
    protected java.util.Map<String, String> backgroundTables() {
        return java.util.Map.of("rate_limit_bucket", "every read of a gateway endpoint with a token takes a rate limit "
                + "token, refused ones too: the limit counts requests, not successes");
    }

    @Override
    protected io.consilium.platform.testing.ProbeObjects objects() {
        return io.consilium.platform.testing.ProbeObjects.create()
                .notAnObject("dead-letters/{id}", "dead letters are for ops only, who see every one")
                .notAnObject("caseId", "the overview holds no case of its own: each part is its service's answer to the "
                        + "caller's own token, so the services' rules (and their probes) decide; CaseOverviewTest shows a "
                        + "refused part left out and a hidden case answered with the case service's 404");
    }
}
