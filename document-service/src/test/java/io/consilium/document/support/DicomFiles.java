package io.consilium.document.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.Deflater;

/**
 * Writes DICOM Part 10 files byte by byte, in explicit or implicit VR little endian, explicit VR big endian or
 * deflated explicit VR little endian, the way a modality would:
 * preamble, {@code DICM}, file meta group (always explicit), then the dataset in the chosen transfer syntax,
 * with a sequence of undefined length before the pixel data so readers must walk nested items.
 */
public final class DicomFiles {

    public static final String EXPLICIT = "1.2.840.10008.1.2.1";
    public static final String IMPLICIT = "1.2.840.10008.1.2";
    public static final String BIG_ENDIAN = "1.2.840.10008.1.2.2";
    public static final String DEFLATED = "1.2.840.10008.1.2.1.99";
    public static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";

    private static final Set<String> LONG_VRS = Set.of("OB", "OW", "SQ", "UN", "UT");

    public record Study(String studyUid, String seriesUid, String instanceUid, String modality, String bodyPart,
                        String studyDate) {

        public static Study ct(String suffix) {
            return new Study("1.2.826.0.1.3680043.10.1." + suffix, "1.2.826.0.1.3680043.10.2." + suffix,
                    "1.2.826.0.1.3680043.10.3." + suffix, "CT", "CHEST", "20260314");
        }
    }

    private DicomFiles() {
    }

    public static byte[] file(String transferSyntax, Study study, int pixelBytes) {
        boolean explicit = !IMPLICIT.equals(transferSyntax);
        boolean big = BIG_ENDIAN.equals(transferSyntax);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));

        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        element(meta, true, false, 0x0002, 0x0001, "OB", new byte[]{0, 1});
        element(meta, true, false, 0x0002, 0x0002, "UI", ui(CT_IMAGE_STORAGE));
        element(meta, true, false, 0x0002, 0x0003, "UI", ui(study.instanceUid()));
        element(meta, true, false, 0x0002, 0x0010, "UI", ui(transferSyntax));
        element(meta, true, false, 0x0002, 0x0012, "UI", ui("1.2.826.0.1.3680043.10.99"));
        element(out, true, false, 0x0002, 0x0000, "UL", u32(meta.size(), false));
        out.writeBytes(meta.toByteArray());

        ByteArrayOutputStream ds = new ByteArrayOutputStream();
        element(ds, explicit, big, 0x0008, 0x0016, "UI", ui(CT_IMAGE_STORAGE));
        element(ds, explicit, big, 0x0008, 0x0018, "UI", ui(study.instanceUid()));
        element(ds, explicit, big, 0x0008, 0x0020, "DA", text(study.studyDate()));
        element(ds, explicit, big, 0x0008, 0x0060, "CS", text(study.modality()));
        // Referenced Image Sequence, undefined length, one item of undefined length.
        tag(ds, big, 0x0008, 0x1140);
        if (explicit) {
            ds.writeBytes("SQ".getBytes(StandardCharsets.US_ASCII));
            ds.writeBytes(new byte[2]);
        }
        ds.writeBytes(u32(0xFFFFFFFFL, big));
        tag(ds, big, 0xFFFE, 0xE000);
        ds.writeBytes(u32(0xFFFFFFFFL, big));
        element(ds, explicit, big, 0x0008, 0x1150, "UI", ui(CT_IMAGE_STORAGE));
        element(ds, explicit, big, 0x0008, 0x1155, "UI", ui("1.2.826.0.1.3680043.10.4.1"));
        tag(ds, big, 0xFFFE, 0xE00D);
        ds.writeBytes(u32(0, big));
        tag(ds, big, 0xFFFE, 0xE0DD);
        ds.writeBytes(u32(0, big));
        element(ds, explicit, big, 0x0010, 0x0010, "PN", text("Test^Patient"));
        element(ds, explicit, big, 0x0018, 0x0015, "CS", text(study.bodyPart()));
        element(ds, explicit, big, 0x0020, 0x000D, "UI", ui(study.studyUid()));
        element(ds, explicit, big, 0x0020, 0x000E, "UI", ui(study.seriesUid()));
        element(ds, explicit, big, 0x0028, 0x0010, "US", big ? new byte[]{0, 16} : new byte[]{16, 0});
        byte[] pixels = new byte[pixelBytes];
        Arrays.fill(pixels, (byte) 7);
        element(ds, explicit, big, 0x7FE0, 0x0010, "OW", pixels);
        out.writeBytes(DEFLATED.equals(transferSyntax) ? deflate(ds.toByteArray()) : ds.toByteArray());
        return out.toByteArray();
    }

    /** Raw deflate (no zlib header or checksum), as PS3.5 A.5 wants for the deflated transfer syntax. */
    public static byte[] deflate(byte[] dataset) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(dataset);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static void element(ByteArrayOutputStream out, boolean explicit, boolean big, int group, int element,
                                String vr, byte[] value) {
        tag(out, big, group, element);
        if (explicit) {
            out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
            if (LONG_VRS.contains(vr)) {
                out.writeBytes(new byte[2]);
                out.writeBytes(u32(value.length, big));
            } else {
                out.writeBytes(big ? new byte[]{(byte) (value.length >> 8), (byte) value.length}
                        : new byte[]{(byte) value.length, (byte) (value.length >> 8)});
            }
        } else {
            out.writeBytes(u32(value.length, big));
        }
        out.writeBytes(value);
    }

    private static void tag(ByteArrayOutputStream out, boolean big, int group, int element) {
        out.writeBytes(big ? new byte[]{(byte) (group >> 8), (byte) group, (byte) (element >> 8), (byte) element}
                : new byte[]{(byte) group, (byte) (group >> 8), (byte) element, (byte) (element >> 8)});
    }

    private static byte[] u32(long value, boolean big) {
        return big ? new byte[]{(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value}
                : new byte[]{(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
    }

    private static byte[] ui(String uid) {
        byte[] bytes = uid.getBytes(StandardCharsets.US_ASCII);
        return bytes.length % 2 == 0 ? bytes : Arrays.copyOf(bytes, bytes.length + 1);
    }

    private static byte[] text(String value) {
        String padded = value.length() % 2 == 0 ? value : value + " ";
        return padded.getBytes(StandardCharsets.US_ASCII);
    }
}
