package io.consilium.report.output;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts of the report PDFs: Liberation Sans (regular and bold, from {@code openpdf-fonts-extra}), embedded as
 * Unicode (Identity-H) subsets. The standard Helvetica of PDF viewers covers only WinAnsi, so a Polish, Greek or
 * Russian name or answer would have lost its letters; Liberation Sans covers Latin, Greek and Cyrillic.
 */
final class PdfFonts {

    static final BaseFont REGULAR = load("LiberationSans-Regular.ttf");
    static final BaseFont BOLD = load("LiberationSans-Bold.ttf");

    static final Font TITLE = new Font(BOLD, 16);
    static final Font HEADING = new Font(BOLD, 12);
    static final Font BODY = new Font(REGULAR, 10);

    private PdfFonts() {
    }

    /**
     * Read from our own class loader and handed over as bytes: OpenPDF's own resource lookup uses its class loader,
     * which under Quarkus' class loaders is not guaranteed to see the fonts jar.
     */
    private static BaseFont load(String file) {
        try (InputStream in = PdfFonts.class.getResourceAsStream("/liberation/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Font " + file + " is not on the classpath (openpdf-fonts-extra)");
            }
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("Font " + file + " could not be read", e);
        } catch (DocumentException e) {
            throw new IllegalStateException("Font " + file + " could not be loaded", e);
        }
    }
}
