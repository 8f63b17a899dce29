package io.consilium.report.output;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What Liberation Sans cannot draw is marked with its code point; what it can is left alone. */
class MissingGlyphsTest {

    @Test
    void latinGreekAndCyrillicPassUnchanged() {
        String text = "Zażółć gęślą jaźń. Διάγνωση επιβεβαιώνεται.\nДиагноз подтверждён.\tß ñ ç ¿";
        assertThat(MissingGlyphs.marked(text, PdfFonts.REGULAR)).isSameAs(text);
        assertThat(MissingGlyphs.marked(text, PdfFonts.BOLD)).isSameAs(text);
    }

    @Test
    void aCharacterOutsideTheFontIsMarkedNotDropped() {
        assertThat(MissingGlyphs.marked("ok \uD83D\uDE00 \u4E2D\u6587 ok", PdfFonts.REGULAR))
                .isEqualTo("ok [U+1F600] [U+4E2D][U+6587] ok");
    }

    @Test
    void nullStaysNull() {
        assertThat(MissingGlyphs.marked(null, PdfFonts.BODY.getBaseFont())).isNull();
    }
}
