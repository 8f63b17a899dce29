package io.consilium.document.dicom;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * A small streaming reader of DICOM Part 10 files: the file meta information (group 0002, explicit VR little
 * endian) and the dataset's elements in explicit or implicit VR little endian, explicit VR big endian (the byte
 * order changes after the meta group) or deflated explicit VR little endian (the dataset after the meta group is
 * a raw deflate stream, inflated as it is read), far enough to index the study, series and instance UIDs,
 * modality, body part and study date.
 * <p>
 * It never holds more than one short element value in memory: long values, sequences and pixel data are
 * skipped (on a file stream, skipping is a seek). It walks the structure up to and over the pixel data
 * (7FE0,0010), so a file cut short anywhere before the end of its pixel data is refused as truncated.
 * Encapsulated (compressed) pixel data is walked fragment by fragment. A deflated dataset may inflate to at most
 * {@link #MAX_EXPANSION} times the file's size, so a deflate bomb costs bounded CPU.
 */
public final class DicomHeaderReader {

    public static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    public static final String DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";
    public static final String EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";
    /** Inflated bytes a deflated file's dataset may have per byte of file (plus 1 MiB). */
    static final int MAX_EXPANSION = 100;
    /** DICOMDIR: an index of a media set, no study of its own. */
    static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";

    private static final int TRANSFER_SYNTAX = 0x00020010;
    private static final int MEDIA_SOP_CLASS = 0x00020002;
    private static final int MEDIA_SOP_INSTANCE = 0x00020003;
    private static final int SOP_CLASS = 0x00080016;
    private static final int SOP_INSTANCE = 0x00080018;
    private static final int STUDY_DATE = 0x00080020;
    private static final int MODALITY = 0x00080060;
    private static final int BODY_PART = 0x00180015;
    private static final int STUDY_UID = 0x0020000D;
    private static final int SERIES_UID = 0x0020000E;
    private static final int PIXEL_DATA = 0x7FE00010;
    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_END = 0xFFFEE00D;
    private static final int SEQUENCE_END = 0xFFFEE0DD;
    private static final long UNDEFINED = 0xFFFFFFFFL;

    private static final Set<String> LONG_LENGTH_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC",
            "UN", "UR", "UT", "UV");
    private static final int MAX_VALUE = 1024;
    private static final int MAX_DEPTH = 16;

    private InputStream in;
    /** The bytes left to read when known (a file, not deflated), else -1: bounds every skip. */
    private long length;
    private long position;
    /** Explicit VR big endian: every number after the meta group is big endian. */
    private boolean bigEndian;
    private byte[] pendingTag;
    private final Values values = new Values();

    private DicomHeaderReader(InputStream in, long length) {
        this.in = in;
        this.length = length;
    }

    /**
     * Reads one DICOM instance from the stream's current position. Does not close the stream.
     *
     * @param length the instance's length in bytes when known (a file), or -1 (a zip entry): with a known
     *               length, skipping is checked against it, since a file stream's skip may seek past the end
     */
    public static DicomHeader read(InputStream stream, long length) throws IOException, DicomException {
        InputStream buffered = stream instanceof BufferedInputStream ? stream : new BufferedInputStream(stream, 8192);
        return new DicomHeaderReader(buffered, length).read();
    }

    private DicomHeader read() throws IOException, DicomException {
        byte[] preamble = new byte[132];
        if (readAtMost(preamble) < 132 || preamble[128] != 'D' || preamble[129] != 'I' || preamble[130] != 'C'
                || preamble[131] != 'M') {
            throw DicomException.notDicomFile();
        }
        readMeta();
        String syntax = values.transferSyntax;
        if (syntax == null) {
            throw DicomException.malformed("the file meta information has no transfer syntax (0002,0010)");
        }
        boolean explicit = !syntax.equals(IMPLICIT_VR_LITTLE_ENDIAN);
        boolean pixelData;
        if (syntax.equals(DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)) {
            pixelData = readDeflatedDataset();
        } else {
            bigEndian = syntax.equals(EXPLICIT_VR_BIG_ENDIAN);
            pixelData = readDataset(explicit);
        }
        String instance = values.sopInstance != null ? values.sopInstance : values.mediaSopInstance;
        String sopClass = values.sopClass != null ? values.sopClass : values.mediaSopClass;
        if ((values.studyUid == null || instance == null) && !MEDIA_STORAGE_DIRECTORY.equals(sopClass)) {
            throw DicomException.malformed("the dataset has no study instance UID or SOP instance UID");
        }
        return new DicomHeader(syntax, sopClass,
                values.studyUid, values.seriesUid, instance, values.modality, values.bodyPart,
                date(values.studyDate), pixelData);
    }

    /** Group 0002, always explicit VR little endian; stops at the first element of another group. */
    private void readMeta() throws IOException, DicomException {
        while (true) {
            byte[] tagBytes = new byte[4];
            int got = readAtMost(tagBytes);
            if (got == 0) {
                throw DicomException.malformed("the file ends inside the file meta information");
            }
            if (got < 4) {
                throw truncated();
            }
            int group = u16(tagBytes, 0);
            if (group != 0x0002) {
                pendingTag = tagBytes;
                return;
            }
            int tag = (group << 16) | u16(tagBytes, 2);
            Header header = explicitHeader(tag);
            if (header.length == UNDEFINED) {
                throw DicomException.malformed("undefined length in the file meta information");
            }
            consume(tag, header.length);
        }
    }

    /**
     * The dataset after the meta group is raw deflate (no zlib header): the 4 bytes read as the next tag are the
     * start of it, so they go back in front of the stream that is inflated.
     */
    private boolean readDeflatedDataset() throws IOException, DicomException {
        InputStream rest = pendingTag == null ? in : new SequenceInputStream(new ByteArrayInputStream(pendingTag), in);
        pendingTag = null;
        long maxInflated = length < 0 ? Long.MAX_VALUE : length * MAX_EXPANSION + 1024 * 1024;
        Inflater inflater = new Inflater(true);
        try {
            in = new BufferedInputStream(new Bounded(new InflaterInputStream(rest, inflater, 8192), maxInflated), 8192);
            length = -1;
            return readDataset(true);
        } catch (ExpandsTooMuch e) {
            throw DicomException.malformed("the deflated dataset expands to more than " + MAX_EXPANSION
                    + " times the file's size; refused as a possible deflate bomb");
        } catch (ZipException | EOFException e) {
            throw DicomException.malformed("the deflated dataset is damaged or truncated");
        } finally {
            inflater.end();
        }
    }

    /** @return whether pixel data was found (and walked completely) */
    private boolean readDataset(boolean explicit) throws IOException, DicomException {
        while (true) {
            byte[] tagBytes = new byte[4];
            int got;
            if (pendingTag != null) {
                tagBytes = pendingTag;
                pendingTag = null;
                got = 4;
            } else {
                got = readAtMost(tagBytes);
            }
            if (got == 0) {
                return false;
            }
            if (got < 4) {
                throw truncated();
            }
            int tag = (u16(tagBytes, 0) << 16) | u16(tagBytes, 2);
            Header header = header(tag, explicit);
            if (tag == PIXEL_DATA) {
                if (header.length == UNDEFINED) {
                    skipItems(false, 1);
                } else {
                    skip(header.length);
                }
                return true;
            }
            if (header.length == UNDEFINED) {
                // A sequence (or UN of undefined length, whose content is implicit VR by definition).
                skipItems(explicit && !"UN".equals(header.vr), 1);
            } else {
                consume(tag, header.length);
            }
        }
    }

    /** Items of a sequence or of encapsulated pixel data, up to the sequence delimiter. */
    private void skipItems(boolean explicit, int depth) throws IOException, DicomException {
        if (depth > MAX_DEPTH) {
            throw DicomException.malformed("sequences nested too deeply");
        }
        while (true) {
            int tag = tag();
            long length = u32();
            if (tag == SEQUENCE_END) {
                return;
            }
            if (tag != ITEM) {
                throw DicomException.malformed("expected a sequence item");
            }
            if (length == UNDEFINED) {
                skipItemContent(explicit, depth);
            } else {
                skip(length);
            }
        }
    }

    /** The elements of an item of undefined length, up to the item delimiter. */
    private void skipItemContent(boolean explicit, int depth) throws IOException, DicomException {
        while (true) {
            int tag = tag();
            if (tag == ITEM_END) {
                u32();
                return;
            }
            Header header = header(tag, explicit);
            if (header.length == UNDEFINED) {
                skipItems(explicit && !"UN".equals(header.vr), depth + 1);
            } else {
                skip(header.length);
            }
        }
    }

    private Header header(int tag, boolean explicit) throws IOException, DicomException {
        if ((tag >>> 16) == 0xFFFE || !explicit) {
            return new Header(null, u32());
        }
        return explicitHeader(tag);
    }

    private Header explicitHeader(int tag) throws IOException, DicomException {
        byte[] vrBytes = readExactly(2);
        if (!Character.isUpperCase(vrBytes[0]) || !Character.isUpperCase(vrBytes[1])) {
            throw DicomException.malformed("not a value representation at element " + tagName(tag));
        }
        String vr = new String(vrBytes, StandardCharsets.US_ASCII);
        if (LONG_LENGTH_VRS.contains(vr)) {
            readExactly(2);
            return new Header(vr, u32());
        }
        return new Header(vr, u16(readExactly(2), 0));
    }

    private void consume(int tag, long length) throws IOException, DicomException {
        if (values.wants(tag) && length <= MAX_VALUE) {
            values.put(tag, text(readExactly((int) length)));
        } else {
            skip(length);
        }
    }

    private int tag() throws IOException, DicomException {
        byte[] bytes = readExactly(4);
        return (u16(bytes, 0) << 16) | u16(bytes, 2);
    }

    private long u32() throws IOException, DicomException {
        byte[] b = readExactly(4);
        if (bigEndian) {
            return (b[3] & 0xFFL) | (b[2] & 0xFFL) << 8 | (b[1] & 0xFFL) << 16 | (b[0] & 0xFFL) << 24;
        }
        return (b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24;
    }

    /** In the meta group always little endian ({@link #bigEndian} is set after it). */
    private int u16(byte[] b, int at) {
        if (bigEndian) {
            return (b[at + 1] & 0xFF) | (b[at] & 0xFF) << 8;
        }
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private byte[] readExactly(int n) throws IOException, DicomException {
        byte[] bytes = new byte[n];
        if (readAtMost(bytes) < n) {
            throw truncated();
        }
        return bytes;
    }

    private int readAtMost(byte[] bytes) throws IOException {
        int total = 0;
        while (total < bytes.length) {
            int got = in.read(bytes, total, bytes.length - total);
            if (got < 0) {
                break;
            }
            total += got;
        }
        position += total;
        return total;
    }

    private void skip(long n) throws IOException, DicomException {
        if (length >= 0 && position + n > length) {
            throw truncated();
        }
        long remaining = n;
        while (remaining > 0) {
            long skipped = in.skip(remaining);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw truncated();
                }
                skipped = 1;
            }
            remaining -= skipped;
        }
        position += n;
    }

    private static DicomException truncated() {
        return DicomException.malformed("the file is truncated");
    }

    private static String text(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == ' ' || bytes[end - 1] == 0)) {
            end--;
        }
        int start = 0;
        while (start < end && bytes[start] == ' ') {
            start++;
        }
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }

    private static LocalDate date(String value) {
        if (value == null || value.length() < 8) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String tagName(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }

    private record Header(String vr, long length) {
    }

    /** Refuses to inflate more than {@code max} bytes: a deflate bomb is malformed, not minutes of CPU. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long max) {
            super(in);
            this.left = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) throws IOException {
            int got = super.read(buffer, offset, count);
            if (got > 0) {
                count(got);
            }
            return got;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long bytes) throws IOException {
            left -= bytes;
            if (left < 0) {
                throw new ExpandsTooMuch();
            }
        }
    }

    private static final class ExpandsTooMuch extends IOException {
        ExpandsTooMuch() {
            super("the deflated dataset expands too much");
        }
    }

    private static final class Values {
        String transferSyntax;
        String mediaSopClass;
        String mediaSopInstance;
        String sopClass;
        String sopInstance;
        String studyDate;
        String modality;
        String bodyPart;
        String studyUid;
        String seriesUid;

        boolean wants(int tag) {
            return switch (tag) {
                case TRANSFER_SYNTAX, MEDIA_SOP_CLASS, MEDIA_SOP_INSTANCE, SOP_CLASS, SOP_INSTANCE, STUDY_DATE,
                     MODALITY, BODY_PART, STUDY_UID, SERIES_UID -> true;
                default -> false;
            };
        }

        void put(int tag, String value) {
            String v = value.isEmpty() ? null : value;
            switch (tag) {
                case TRANSFER_SYNTAX -> transferSyntax = v;
                case MEDIA_SOP_CLASS -> mediaSopClass = v;
                case MEDIA_SOP_INSTANCE -> mediaSopInstance = v;
                case SOP_CLASS -> sopClass = v;
                case SOP_INSTANCE -> sopInstance = v;
                case STUDY_DATE -> studyDate = v;
                case MODALITY -> modality = v;
                case BODY_PART -> bodyPart = v;
                case STUDY_UID -> studyUid = v;
                case SERIES_UID -> seriesUid = v;
                default -> {
                }
            }
        }
    }
}
