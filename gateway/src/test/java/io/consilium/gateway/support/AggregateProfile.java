package io.consilium.gateway.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import java.util.List;

/**
 * The aggregates' tests (home, work queue, dashboard): the services are {@link AggregateStubs} instead of the echoing
 * {@link UpstreamStubs}, which every other test class declares and so Quarkus starts globally; both set the same
 * service URLs, so the global ones are switched off here.
 */
public class AggregateProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OidcWiremockTestResource.class), new TestResourceEntry(AggregateStubs.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
