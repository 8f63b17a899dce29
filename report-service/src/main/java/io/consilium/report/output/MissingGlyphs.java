package io.consilium.report.output;

import com.lowagie.text.pdf.BaseFont;

/**
 * Marks the characters a font cannot draw instead of letting them vanish: OpenPDF silently skips a code point
 * without a glyph, and a diagnosis or a name missing a character reads as a different word. Each such code point
 * becomes {@code [U+XXXX]}, visible to the reader and precise enough to recover the character.
 */
final class MissingGlyphs {

    private MissingGlyphs() {
    }

    static String marked(String text, BaseFont font) {
        if (text == null || text.codePoints().allMatch(cp -> drawable(cp, font))) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (drawable(cp, font)) {
                b.appendCodePoint(cp);
            } else {
                b.append(String.format("[U+%04X]", cp));
            }
        });
        return b.toString();
    }

    /** Line breaks and tabs have no glyph but are layout, which the paragraph handles. */
    private static boolean drawable(int cp, BaseFont font) {
        return cp == '\n' || cp == '\r' || cp == '\t' || font.charExists(cp);
    }
}
