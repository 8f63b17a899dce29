package io.consilium.document.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** Uploads: how large each type may be, how many may be open, and how their bytes are buffered and synced. */
@ConfigMapping(prefix = "consilium.document.upload")
public interface UploadConfig {

    /**
     * Size limit per accepted type, by short name ({@code pdf}, {@code jpeg}, {@code png}, {@code tiff},
     * {@code dicom}, {@code zip}): {@code consilium.document.upload.max-size.pdf=100M}. A type left out may be
     * 100M; an unknown name fails the start.
     */
    Map<String, MemorySize> maxSize();

    /** Unfinished uploads per case (each holds disk space until it completes or expires). */
    @WithDefault("50")
    int maxOpenPerCase();

    /** An upload's part is fdatasync'ed in the background every so many bytes, so the final fsync is short. */
    @WithDefault("64M")
    MemorySize syncEvery();

    /** Heap that request bytes waiting to be written and hashed may take over all uploads at once. */
    @WithDefault("64M")
    MemorySize bufferBudget();

    /** An upload nobody appended to for this long expires and loses its part. */
    @WithDefault("P1D")
    Duration expireAfter();

    /** How often expired uploads are looked for (read by the scheduler from the same key). */
    @WithDefault("1h")
    Duration expiryEvery();
}
