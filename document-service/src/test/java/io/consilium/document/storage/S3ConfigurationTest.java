package io.consilium.document.storage;

import io.consilium.document.config.StorageConfig;
import io.quarkus.runtime.configuration.MemorySize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** kind=s3 with incomplete settings fails at startup with the key to set, not at the first upload. */
class S3ConfigurationTest {

    @TempDir
    Path root;

    record Settings(Optional<String> region, Optional<String> bucket, Optional<String> accessKey,
                    Optional<String> secretKey) implements StorageConfig.S3 {
        public Optional<URI> endpoint() {
            return Optional.of(URI.create("http://127.0.0.1:9"));
        }

        public boolean pathStyle() {
            return true;
        }

        public MemorySize partSize() {
            return new MemorySize(java.math.BigInteger.valueOf(16L * 1024 * 1024));
        }

        public java.time.Duration connectTimeout() {
            return S3DocumentStore.Timeouts.DEFAULT.connect();
        }

        public java.time.Duration attemptTimeout() {
            return S3DocumentStore.Timeouts.DEFAULT.attempt();
        }

        public java.time.Duration callTimeout() {
            return S3DocumentStore.Timeouts.DEFAULT.call();
        }

        public int maxAttempts() {
            return S3DocumentStore.Timeouts.DEFAULT.maxAttempts();
        }
    }

    @Test
    void bucketIsRequired() {
        assertThatThrownBy(() -> S3DocumentStore.create(root,
                new Settings(Optional.of("eu-central-1"), Optional.empty(), Optional.empty(), Optional.empty())))
                .hasMessageContaining("consilium.document.storage.s3.bucket");
    }

    @Test
    void regionIsRequired() {
        assertThatThrownBy(() -> S3DocumentStore.create(root,
                new Settings(Optional.empty(), Optional.of("records"), Optional.empty(), Optional.empty())))
                .hasMessageContaining("consilium.document.storage.s3.region");
    }

    @Test
    void accessKeyWithoutSecretIsRefused() {
        assertThatThrownBy(() -> S3DocumentStore.create(root,
                new Settings(Optional.of("eu-central-1"), Optional.of("records"), Optional.of("AKIA"), Optional.empty())))
                .hasMessageContaining("secret-key");
    }

    @Test
    void partsSmallerThanS3AllowsAreRefused() {
        assertThatThrownBy(() -> new S3DocumentStore(null, "records", 1024 * 1024, root))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
