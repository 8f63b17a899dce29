package io.consilium.e2e;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The records a patient sends, made as real files (a PDF lab report with text, a JPEG photo, a DICOM Part 10
 * image), and their upload through the gateway with tus, as the app does it.
 */
public final class Records {

    private Records() {
    }

    /** A one-page PDF with these lines of text. */
    public static byte[] pdf(String... lines) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                text.setLeading(15);
                text.newLineAtOffset(60, 720);
                for (String line : lines) {
                    text.showText(line);
                    text.newLine();
                }
                text.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The text of a PDF, page by page, as a reader's copy-and-paste would give it. */
    public static String textOf(byte[] pdf) {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new AssertionError("not a PDF", e);
        }
    }

    /** A small JPEG photo (a reddish patch on skin colour). */
    public static byte[] jpeg() {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(232, 190, 160));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(200, 80, 80));
        g.fillOval(100, 70, 120, 90);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    /**
     * A DICOM Part 10 file in explicit VR little endian: preamble, {@code DICM}, the file meta group, and a dataset
     * with the study, series and instance UIDs, modality, body part, study date and a little pixel data.
     */
    public static byte[] dicom(String studyUid, String modality, String bodyPart, String studyDate) {
        String sopClass = "1.2.840.10008.5.1.4.1.1.6.1"; // ultrasound image storage
        String instanceUid = studyUid + ".3.1";
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        element(meta, 0x0002, 0x0001, "OB", new byte[]{0, 1});
        element(meta, 0x0002, 0x0002, "UI", ui(sopClass));
        element(meta, 0x0002, 0x0003, "UI", ui(instanceUid));
        element(meta, 0x0002, 0x0010, "UI", ui("1.2.840.10008.1.2.1"));
        element(meta, 0x0002, 0x0012, "UI", ui("1.2.826.0.1.3680043.10.99"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        element(out, 0x0002, 0x0000, "UL", new byte[]{(byte) meta.size(), (byte) (meta.size() >> 8), 0, 0});
        out.writeBytes(meta.toByteArray());
        element(out, 0x0008, 0x0016, "UI", ui(sopClass));
        element(out, 0x0008, 0x0018, "UI", ui(instanceUid));
        element(out, 0x0008, 0x0020, "DA", text(studyDate));
        element(out, 0x0008, 0x0060, "CS", text(modality));
        element(out, 0x0018, 0x0015, "CS", text(bodyPart));
        element(out, 0x0020, 0x000D, "UI", ui(studyUid));
        element(out, 0x0020, 0x000E, "UI", ui(studyUid + ".2"));
        element(out, 0x0028, 0x0010, "US", new byte[]{64, 0});
        element(out, 0x0028, 0x0011, "US", new byte[]{64, 0});
        element(out, 0x7FE0, 0x0010, "OW", new byte[64 * 64 * 2]);
        return out.toByteArray();
    }

    private static void element(ByteArrayOutputStream out, int group, int element, String vr, byte[] value) {
        out.writeBytes(new byte[]{(byte) group, (byte) (group >> 8), (byte) element, (byte) (element >> 8)});
        out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
        if (vr.equals("OB") || vr.equals("OW")) {
            out.writeBytes(new byte[]{0, 0});
            out.writeBytes(new byte[]{(byte) value.length, (byte) (value.length >> 8), (byte) (value.length >> 16),
                    (byte) (value.length >> 24)});
        } else {
            out.writeBytes(new byte[]{(byte) value.length, (byte) (value.length >> 8)});
        }
        out.writeBytes(value);
    }

    /** A UID padded with NUL to an even length, as DICOM wants. */
    private static byte[] ui(String uid) {
        return pad(uid, (byte) 0);
    }

    private static byte[] text(String value) {
        return pad(value, (byte) ' ');
    }

    private static byte[] pad(String value, byte with) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length % 2 == 0) {
            return bytes;
        }
        byte[] padded = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        padded[bytes.length] = with;
        return padded;
    }

    /**
     * Uploads a file to the case with tus through the gateway (create, then one PATCH) and returns the document's
     * id. document-service learns of a case from case-service's events, so the first creates may be refused for a
     * moment after the case was opened: they are tried again for up to 20 seconds.
     */
    public static String upload(Caller patient, String caseId, String kind, String filename, String contentType, byte[] bytes) {
        String metadata = Map.of("filename", filename, "contentType", contentType, "kind", kind).entrySet().stream()
                .map(e -> e.getKey() + " " + Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)))
                .collect(Collectors.joining(","));
        Map<String, String> create = Map.of("Tus-Resumable", "1.0.0", "Upload-Length", Long.toString(bytes.length),
                "Upload-Metadata", metadata);
        Reply created = Eventually.value("document-service accepts an upload to case " + caseId, Duration.ofSeconds(20), () -> {
            Reply r = patient.send("POST", "/api/v1/cases/" + caseId + "/uploads", null, null, create);
            return r.status() == 201 ? r : null;
        });
        String location = created.header("Location").orElseThrow();
        String path = location.substring(location.indexOf("/api/v1/"));
        Reply patched = patient.send("PATCH", path, "application/offset+octet-stream", bytes,
                Map.of("Tus-Resumable", "1.0.0", "Upload-Offset", "0")).expect(204);
        return patched.header("Document-Id").orElseThrow(() -> new AssertionError(patched + ": no Document-Id"));
    }
}
