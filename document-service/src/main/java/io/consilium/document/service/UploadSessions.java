package io.consilium.document.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process state of uploads: which one is being appended to right now (one append at a time per upload), and
 * the SHA-256 state at the end of the last append, so a resumed upload continues hashing where it stopped
 * instead of reading its part again. After a restart the state is rebuilt by hashing the part file once.
 * <p>
 * Single instance: with several replicas, the appends to one upload must reach the same replica (sticky
 * routing on the upload id) or the lock must move to the database.
 */
@ApplicationScoped
public class UploadSessions {

    private record Checkpoint(long offset, MessageDigest digest) {
    }

    private final Map<UUID, Boolean> active = new ConcurrentHashMap<>();
    private final Map<UUID, Checkpoint> checkpoints = new ConcurrentHashMap<>();

    /** @return false when another append to this upload is still running */
    public boolean begin(UUID uploadId) {
        return active.putIfAbsent(uploadId, Boolean.TRUE) == null;
    }

    public void end(UUID uploadId) {
        active.remove(uploadId);
    }

    /** The digest of the part's first {@code offset} bytes. */
    public MessageDigest digestAt(UUID uploadId, Path part, long offset) throws IOException {
        Checkpoint checkpoint = checkpoints.get(uploadId);
        if (checkpoint != null && checkpoint.offset() == offset) {
            return copy(checkpoint.digest());
        }
        MessageDigest digest = sha256();
        byte[] buffer = new byte[65536];
        long remaining = offset;
        try (InputStream in = Files.newInputStream(part)) {
            while (remaining > 0) {
                int got = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (got < 0) {
                    throw new IOException("upload part is shorter than its offset");
                }
                digest.update(buffer, 0, got);
                remaining -= got;
            }
        }
        return digest;
    }

    public void checkpoint(UUID uploadId, long offset, MessageDigest digest) {
        checkpoints.put(uploadId, new Checkpoint(offset, copy(digest)));
    }

    public void forget(UUID uploadId) {
        checkpoints.remove(uploadId);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
        }
    }
}
