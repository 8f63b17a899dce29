package io.consilium.document.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The default store: a directory tree {@code objects/ab/cd/<sha256>} on the local filesystem. An object appears
 * by one atomic rename of a file that is already complete (upload parts live in {@code uploads/} on the same
 * filesystem), so a reader never sees a partial object. Made by {@link DocumentStores}.
 */
public class LocalDocumentStore implements DocumentStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path objects;
    private final Path uploads;

    public LocalDocumentStore(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        this.objects = Files.createDirectories(absolute.resolve("objects"));
        this.uploads = Files.createDirectories(absolute.resolve("uploads"));
    }

    @Override
    public void checkReady() throws IOException {
        DocumentStore.checkWritable(objects);
        DocumentStore.checkWritable(uploads);
    }

    @Override
    public void put(Path completedFile, String sha256) throws IOException {
        Path target = path(sha256);
        if (Files.exists(target)) {
            Files.deleteIfExists(completedFile);
            return;
        }
        Files.createDirectories(target.getParent());
        try (FileChannel channel = FileChannel.open(completedFile, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(completedFile, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(completedFile);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The upload directory must be on the same filesystem as the objects", e);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return Files.exists(path(sha256));
    }

    @Override
    public long size(String sha256) throws IOException {
        return Files.size(path(sha256));
    }

    @Override
    public InputStream open(String sha256, long offset) throws IOException {
        FileChannel channel = FileChannel.open(path(sha256), StandardOpenOption.READ);
        channel.position(offset);
        return Channels.newInputStream(channel);
    }

    @Override
    public Optional<Path> localFile(String sha256) {
        Path path = path(sha256);
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }

    @Override
    public Path uploadsDirectory() {
        return uploads;
    }

    private Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
        return objects.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }
}
