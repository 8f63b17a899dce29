package io.consilium.document.storage;

import io.consilium.document.config.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import java.io.IOException;

/**
 * Chooses the store from {@code consilium.document.storage.kind} at startup (a runtime switch, so one build runs
 * either way). The S3 client is only built when S3 is chosen, so the local kind needs no S3 configuration.
 */
@ApplicationScoped
class DocumentStores {

    @Produces
    @ApplicationScoped
    DocumentStore store(StorageConfig config) throws IOException {
        return switch (config.kind()) {
            case LOCAL -> new LocalDocumentStore(config.root());
            case S3 -> S3DocumentStore.create(config.root(), config.s3());
        };
    }

    void close(@Disposes DocumentStore store) {
        if (store instanceof S3DocumentStore s3) {
            s3.close();
        }
    }
}
