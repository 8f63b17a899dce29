package io.consilium.document.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small files with real magic bytes, made in memory so the tests need no tools or fixture files. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * A minimal PDF (a catalog and an empty page tree, so a PDF parser reads it); {@code seed} varies the content
     * so each test has its own hash.
     */
    public static byte[] pdf(long seed) {
        String text = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% " + seed + " " + System.nanoTime()
                + "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] pdfOfSize(int size) {
        byte[] head = pdf(size);
        byte[] bytes = new byte[size];
        System.arraycopy(head, 0, bytes, 0, head.length);
        Random random = new Random(size);
        for (int i = head.length; i < size; i++) {
            bytes[i] = (byte) ('a' + random.nextInt(26));
        }
        return bytes;
    }

    public static byte[] png() {
        byte[] bytes = new byte[64];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        new Random().nextBytes(new byte[0]);
        bytes[40] = (byte) System.nanoTime();
        return bytes;
    }

    public static byte[] html() {
        return ("<!DOCTYPE html><html><head><script>alert(" + System.nanoTime() + ")</script></head></html>")
                .getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] zip(String[] names, byte[][] contents) {
        return zip(names, contents, java.util.zip.Deflater.DEFAULT_COMPRESSION);
    }

    /** Deflate level 0: the entries' bytes as they are, so the zip is a little larger than its content. */
    public static byte[] storedZip(String[] names, byte[][] contents) {
        return zip(names, contents, java.util.zip.Deflater.NO_COMPRESSION);
    }

    private static byte[] zip(String[] names, byte[][] contents, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(level);
            for (int i = 0; i < names.length; i++) {
                zip.putNextEntry(new ZipEntry(names[i]));
                zip.write(contents[i]);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
