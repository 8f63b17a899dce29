package io.consilium.document.dicom;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads the DICOM headers of every instance in a zipped study, one entry at a time from a stream (entries are
 * never extracted or held in memory). Entries that are not DICOM (a README, a viewer) and DICOMDIR indexes are
 * ignored; a malformed or truncated DICOM entry, a broken zip, or a zip without any DICOM instance is refused.
 */
public final class ZippedStudyReader {

    public record Instance(String entryName, DicomHeader header) {
    }

    private ZippedStudyReader() {
    }

    public static List<Instance> read(InputStream stream, int maxEntries) throws IOException, DicomException {
        List<Instance> instances = new ArrayList<>();
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(stream)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > maxEntries) {
                    throw DicomException.malformed("the zip has more than " + maxEntries + " entries");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                try {
                    DicomHeader header = DicomHeaderReader.read(new NonClosing(zip), -1);
                    instances.add(new Instance(name.length() > 500 ? name.substring(0, 500) : name, header));
                } catch (DicomException e) {
                    if (e.notDicom()) {
                        continue;
                    }
                    throw DicomException.malformed("zip entry " + (entries) + ": " + e.getMessage());
                } catch (ZipException e) {
                    throw DicomException.malformed("the zip is damaged");
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw DicomException.malformed("the zip is damaged or truncated");
        }
        instances.removeIf(i -> DicomHeaderReader.MEDIA_STORAGE_DIRECTORY.equals(i.header().sopClassUid()));
        if (instances.isEmpty()) {
            throw DicomException.malformed("the zip contains no DICOM instance");
        }
        return instances;
    }

    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip stream stays open for the next entry
        }
    }
}
