package io.consilium.document.storage;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the document store takes objects: a full or read-only disk, or a bucket that does not answer,
 * takes the instance out of rotation before uploads fail on it.
 */
@Readiness
@ApplicationScoped
public class DocumentStoreReadiness implements HealthCheck {

    static final String NAME = "Document store";

    private final DocumentStore store;

    DocumentStoreReadiness(DocumentStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        String kind = store instanceof S3DocumentStore ? "s3" : "local";
        try {
            store.checkReady();
            return HealthCheckResponse.named(NAME).up().withData("kind", kind).build();
        } catch (Exception e) {
            // the reason only: paths and bucket names are for the logs of ops, not for anyone who can call /q/health
            return HealthCheckResponse.named(NAME).down().withData("kind", kind)
                    .withData("reason", e.getClass().getSimpleName()).build();
        }
    }
}
