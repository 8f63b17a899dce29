package io.consilium.document.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where checked file contents live, addressed by their SHA-256 (lower-case hex). Implementations must never
 * make a partial object visible: {@link #put} either publishes the whole file under its hash or nothing.
 */
public interface DocumentStore {

    /**
     * Moves a completely written and checked local file into the store under {@code sha256}. When the object
     * exists already (the same content uploaded to another case) the file is discarded.
     */
    void put(Path completedFile, String sha256) throws IOException;

    boolean exists(String sha256);

    long size(String sha256) throws IOException;

    /** A stream of the object's bytes from {@code offset}. */
    InputStream open(String sha256, long offset) throws IOException;

    /**
     * At most {@code length} bytes from {@code offset}. Remote stores override it to ask for just that range
     * instead of the rest of the object.
     */
    default InputStream open(String sha256, long offset, long length) throws IOException {
        return open(sha256, offset);
    }

    /** The object as a local file when the store has one (so downloads can use zero-copy sendfile). */
    Optional<Path> localFile(String sha256);

    /** Where upload parts are written while they arrive: on the same filesystem as the objects for local stores. */
    Path uploadsDirectory();

    /**
     * Throws when the store cannot take objects now (the readiness check): a local folder that cannot be written,
     * a bucket that does not answer. Upload parts are always written locally, so that folder is checked too.
     */
    void checkReady() throws IOException;

    /** Writes and deletes a small file in {@code dir}: it exists, is a folder and takes writes (disk full, read-only). */
    static void checkWritable(Path dir) throws IOException {
        Path probe = java.nio.file.Files.createTempFile(dir, ".ready-", ".probe");
        java.nio.file.Files.delete(probe);
    }
}
