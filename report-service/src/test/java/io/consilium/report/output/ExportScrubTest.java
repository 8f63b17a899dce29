package io.consilium.report.output;

import io.consilium.report.domain.DiagnosisAssessment;
import io.consilium.report.domain.ReportContent;
import io.consilium.report.domain.SurgeryNecessity;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports never carry what the input policy refuses, even from text stored before it existed or ids taken from
 * other services' events: NUL, ESC, bidi overrides, noncharacters and lone surrogates are dropped.
 */
class ExportScrubTest {

    private static final String BAD = "\u0000\u001B\u202E\uFFFF\uD800";

    private static ReportContent content() {
        return new ReportContent(DiagnosisAssessment.valueOf("REFINED"), "Adeno" + BAD + "carcinoma", "C61",
                "Active" + BAD + " surveillance", true, List.of(new ReportContent.Alternative("Surgery" + BAD, null, null)),
                null, List.of(), SurgeryNecessity.valueOf("NO"), "Slow" + BAD, null, null, List.of("MRI" + BAD), List.of(),
                List.of(), List.of(new ReportContent.Answer("SURGERY_NECESSARY", "Not now" + BAD)));
    }

    @Test
    void theFhirExportCarriesNoRefusedCharacters() {
        String json = FhirExport.json(new FhirExport.Source(UUID.randomUUID(), "p-1" + BAD, UUID.randomUUID(), 1,
                "ab12", "s-1", Instant.parse("2026-01-01T00:00:00Z"), content()));
        assertThat(json).contains("Adenocarcinoma", "Active surveillance", "p-1");
        assertRefusedAbsent(json);
        assertThat(json.toLowerCase()).doesNotContain("\\u0000", "\\u001b", "\\u202e", "\\uffff", "\\ud800");
    }

    @Test
    void thePdfCarriesNoRefusedCharacters() throws IOException {
        byte[] pdf = ReportPdf.render(ReportPdf.Kind.FULL, "en",
                List.of(new ReportPdf.Section("s-1" + BAD, 1, "ab12", content(), List.of(), java.util.Map.of())));
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("Adenocarcinoma", "Active surveillance");
        assertRefusedAbsent(text);
    }

    private static void assertRefusedAbsent(String s) {
        assertThat(s).doesNotContain("\u0000", "\u001B", "\u202E", "\uFFFF");
        assertThat(s.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)).as("no unpaired surrogate").isTrue();
    }
}
