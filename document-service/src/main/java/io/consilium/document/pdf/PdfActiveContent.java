package io.consilium.document.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.TreeSet;

/**
 * What in a PDF would act when a specialist opens it: JavaScript (document, page, annotation and form-field
 * actions, the names tree's JavaScript), launch actions and embedded files. Found with Apache PDFBox by walking
 * every object reachable from the trailer (object streams included), looking at dictionaries only: page contents
 * and images are never decoded, so a 100 MB scan is walked in about the time its cross-reference takes.
 */
public final class PdfActiveContent {

    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    /** A PDF with more objects than this is not walked to the end: refused as unreadable instead. */
    static final int MAX_OBJECTS = 2_000_000;

    private PdfActiveContent() {
    }

    /** A file PDFBox cannot read (damaged, or encrypted with a password): whether it is active cannot be told. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** @return what makes the PDF active ("JavaScript", "a launch action", "an embedded file"), empty when nothing */
    public static Set<String> of(Path pdf) throws Unreadable {
        try (PDDocument document = Loader.loadPDF(pdf.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            return walk(document.getDocument().getTrailer());
        } catch (IOException e) {
            throw new Unreadable("the PDF cannot be read: " + e.getMessage());
        }
    }

    private static Set<String> walk(COSDictionary trailer) throws Unreadable {
        Set<String> found = new TreeSet<>();
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> next = new ArrayDeque<>();
        next.push(trailer);
        while (!next.isEmpty()) {
            COSBase object = next.pop();
            if (object instanceof COSObject reference) {
                object = reference.getObject();
            }
            if (object == null || !seen.add(object)) {
                continue;
            }
            if (seen.size() > MAX_OBJECTS) {
                throw new Unreadable("the PDF has more than " + MAX_OBJECTS + " objects");
            }
            if (object instanceof COSDictionary dictionary) {
                inspect(dictionary, found);
                next.addAll(dictionary.getValues());
            } else if (object instanceof COSArray array) {
                for (COSBase element : array) {
                    next.push(element);
                }
            }
        }
        return found;
    }

    private static void inspect(COSDictionary dictionary, Set<String> found) {
        COSName action = dictionary.getCOSName(COSName.S);
        if (COSName.JAVA_SCRIPT.equals(action) || dictionary.containsKey(COSName.JS)
                || dictionary.containsKey(COSName.JAVA_SCRIPT)) {
            found.add("JavaScript");
        }
        if (LAUNCH.equals(action)) {
            found.add("a launch action");
        }
        if (dictionary.containsKey(COSName.EMBEDDED_FILES) || dictionary.containsKey(COSName.EF)
                || COSName.EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE))) {
            found.add("an embedded file");
        }
    }
}
