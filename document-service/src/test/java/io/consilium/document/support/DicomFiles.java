package io.consilium.document.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Writes DICOM Part 10 files byte by byte, in explicit or implicit VR little endian, the way a modality would:
 * preamble, {@code DICM}, file meta group (always explicit), then the dataset in the chosen transfer syntax,
 * with a sequence of undefined length before the pixel data so readers must walk nested items.
 */
public final class DicomFiles {

    public static final String EXPLICIT = "1.2.840.10008.1.2.1";
    public static final String IMPLICIT = "1.2.840.10008.1.2";
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));

        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        element(meta, true, 0x0002, 0x0001, "OB", new byte[]{0, 1});
        element(meta, true, 0x0002, 0x0002, "UI", ui(CT_IMAGE_STORAGE));
        element(meta, true, 0x0002, 0x0003, "UI", ui(study.instanceUid()));
        element(meta, true, 0x0002, 0x0010, "UI", ui(transferSyntax));
        element(meta, true, 0x0002, 0x0012, "UI", ui("1.2.826.0.1.3680043.10.99"));
        element(out, true, 0x0002, 0x0000, "UL", u32(meta.size()));
        out.writeBytes(meta.toByteArray());

        element(out, explicit, 0x0008, 0x0016, "UI", ui(CT_IMAGE_STORAGE));
        element(out, explicit, 0x0008, 0x0018, "UI", ui(study.instanceUid()));
        element(out, explicit, 0x0008, 0x0020, "DA", text(study.studyDate()));
        element(out, explicit, 0x0008, 0x0060, "CS", text(study.modality()));
        // Referenced Image Sequence, undefined length, one item of undefined length.
        tag(out, 0x0008, 0x1140);
        if (explicit) {
            out.writeBytes("SQ".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(new byte[2]);
        }
        out.writeBytes(u32(0xFFFFFFFFL));
        tag(out, 0xFFFE, 0xE000);
        out.writeBytes(u32(0xFFFFFFFFL));
        element(out, explicit, 0x0008, 0x1150, "UI", ui(CT_IMAGE_STORAGE));
        element(out, explicit, 0x0008, 0x1155, "UI", ui("1.2.826.0.1.3680043.10.4.1"));
        tag(out, 0xFFFE, 0xE00D);
        out.writeBytes(u32(0));
        tag(out, 0xFFFE, 0xE0DD);
        out.writeBytes(u32(0));
        element(out, explicit, 0x0010, 0x0010, "PN", text("Test^Patient"));
        element(out, explicit, 0x0018, 0x0015, "CS", text(study.bodyPart()));
        element(out, explicit, 0x0020, 0x000D, "UI", ui(study.studyUid()));
        element(out, explicit, 0x0020, 0x000E, "UI", ui(study.seriesUid()));
        element(out, explicit, 0x0028, 0x0010, "US", new byte[]{16, 0});
        byte[] pixels = new byte[pixelBytes];
        Arrays.fill(pixels, (byte) 7);
        element(out, explicit, 0x7FE0, 0x0010, "OW", pixels);
        return out.toByteArray();
    }

    private static void element(ByteArrayOutputStream out, boolean explicit, int group, int element, String vr,
                                byte[] value) {
        tag(out, group, element);
        if (explicit) {
            out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
            if (LONG_VRS.contains(vr)) {
                out.writeBytes(new byte[2]);
                out.writeBytes(u32(value.length));
            } else {
                out.writeBytes(new byte[]{(byte) value.length, (byte) (value.length >> 8)});
            }
        } else {
            out.writeBytes(u32(value.length));
        }
        out.writeBytes(value);
    }

    private static void tag(ByteArrayOutputStream out, int group, int element) {
        out.writeBytes(new byte[]{(byte) group, (byte) (group >> 8), (byte) element, (byte) (element >> 8)});
    }

    private static byte[] u32(long value) {
        return new byte[]{(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
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
