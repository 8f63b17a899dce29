package io.consilium.document.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where document contents are kept. {@code kind=local} (the default) needs only {@code root}; {@code kind=s3}
 * needs {@code s3.region} and {@code s3.bucket} and still uses {@code root} for upload parts, which are written
 * locally while they arrive and copied to the bucket once checked.
 */
@ConfigMapping(prefix = "consilium.document.storage")
public interface StorageConfig {

    enum Kind { LOCAL, S3 }

    /** Objects (local kind) and upload parts (both kinds) live under this directory. */
    Path root();

    /** {@code local} or {@code s3}, read at startup. */
    @WithDefault("local")
    Kind kind();

    S3 s3();

    interface S3 {
        /** For S3-compatible stores (MinIO, Ceph, s3proxy); empty means AWS's endpoint for the region. */
        Optional<URI> endpoint();

        Optional<String> region();

        Optional<String> bucket();

        /** {@code http://host/bucket/key} instead of {@code http://bucket.host/key}: most S3-compatible stores want it. */
        @WithDefault("false")
        boolean pathStyle();

        /** With {@code secret-key}; both empty means the AWS default credentials chain (env, profile, IRSA). */
        Optional<String> accessKey();

        Optional<String> secretKey();

        /** Multipart part size; S3 wants at least 5 MiB for all parts but the last. */
        @WithDefault("16M")
        MemorySize partSize();

        /** Opening a connection to the store. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** One attempt of a call (a part of up to {@code part-size} included); a slower one is retried. */
        @WithDefault("2m")
        Duration attemptTimeout();

        /** A whole call, its retries included: a store that hangs never holds an upload's completion longer. */
        @WithDefault("5m")
        Duration callTimeout();

        /** Attempts per call (the SDK's standard retry strategy: back-off with jitter, retryable errors only). */
        @WithDefault("3")
        int maxAttempts();
    }
}
