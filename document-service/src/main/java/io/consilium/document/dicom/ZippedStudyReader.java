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
 * <p>
 * Reading an entry inflates all of it (the header reader walks over the pixel data to catch truncation, and
 * skipping the rest of an entry inflates it too), so a zip bomb would cost minutes of CPU, not memory: the bytes
 * inflated are counted across entries and the zip is refused once they exceed {@link #MAX_EXPANSION} times its
 * own size, or {@link #MAX_INFLATED} whatever its size. Imaging compresses a few times at best; bombs expand by
 * thousands.
 */
public final class ZippedStudyReader {

    public record Instance(String entryName, DicomHeader header) {
    }

    /** Inflated bytes allowed per byte of zip (plus {@link #EXPANSION_SLACK}). */
    public static final int MAX_EXPANSION = 100;
    static final long EXPANSION_SLACK = 1024 * 1024;
    /** Inflated bytes allowed in any zip: about three minutes of inflating on one core. */
    public static final long MAX_INFLATED = 64L * 1024 * 1024 * 1024;

    private ZippedStudyReader() {
    }

    /** @param zipLength the zip's size in bytes, which bounds how far it may expand */
    public static List<Instance> read(InputStream stream, long zipLength, int maxEntries)
            throws IOException, DicomException {
        List<Instance> instances = new ArrayList<>();
        int entries = 0;
        long maxInflated = Math.min(MAX_INFLATED, zipLength * MAX_EXPANSION + EXPANSION_SLACK);
        try (BoundedZip zip = new BoundedZip(stream, maxInflated)) {
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
        } catch (ExpandsTooMuch e) {
            throw DicomException.malformed("the zip expands to more than " + MAX_EXPANSION
                    + " times its size (or 64 GiB); such archives are refused as possible zip bombs");
        } catch (ZipException | java.io.EOFException e) {
            throw DicomException.malformed("the zip is damaged or truncated");
        }
        instances.removeIf(i -> DicomHeaderReader.MEDIA_STORAGE_DIRECTORY.equals(i.header().sopClassUid()));
        if (instances.isEmpty()) {
            throw DicomException.malformed("the zip contains no DICOM instance");
        }
        return instances;
    }

    /** Thrown from inside the zip stream once it has inflated more than allowed. */
    private static final class ExpandsTooMuch extends IOException {
        ExpandsTooMuch() {
            super("inflated size limit exceeded");
        }
    }

    /**
     * Counts every byte inflated, including those {@link ZipInputStream#closeEntry()} reads to skip the rest of an
     * entry (it reads through this same {@code read}).
     */
    private static final class BoundedZip extends ZipInputStream {
        private final long maxInflated;
        private long inflated;

        BoundedZip(InputStream in, long maxInflated) {
            super(in);
            this.maxInflated = maxInflated;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (inflated += n) > maxInflated) {
                throw new ExpandsTooMuch();
            }
            return n;
        }
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
