package io.consilium.document.tika;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.tika.Tika;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The content type of a file from its bytes (Apache Tika's magic-byte detection, tika-core only), never from
 * its name or what the client declared. Reads only the first bytes of the file.
 */
@Startup
@ApplicationScoped
public class ContentSniffer {

    /** Created at start-up: loading Tika's type database takes a moment the first upload should not wait for. */
    private final Tika tika = new Tika();

    ContentSniffer() {
        tika.detect(new byte[]{'%', 'P', 'D', 'F', '-'});
    }

    public String sniff(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 65536)) {
            return tika.detect(in);
        }
    }
}
