package io.consilium.document.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStoreReadinessTest {

    @TempDir
    Path root;

    @Test
    void aWritableStoreIsReadyAndOneWhoseFolderIsGoneIsNot() throws IOException {
        LocalDocumentStore store = new LocalDocumentStore(root);
        assertThatCode(store::checkReady).doesNotThrowAnyException();
        // the objects folder replaced by a file (a volume that went away, a wrong mount): no object can be written
        Path objects = root.resolve("objects");
        Files.delete(objects);
        Files.writeString(objects, "not a folder");
        assertThatThrownBy(store::checkReady).isInstanceOf(IOException.class);
    }
}
