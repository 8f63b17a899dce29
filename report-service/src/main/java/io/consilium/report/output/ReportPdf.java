package io.consilium.report.output;

import com.lowagie.text.Document;
import io.consilium.platform.input.InputPolicy;
import io.consilium.platform.input.TextKind;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import io.consilium.report.domain.PartnerCopy;
import io.consilium.report.domain.Report;
import io.consilium.report.domain.ReportContent;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * The two PDFs of a released report: a plain-language summary for the patient and the full expert report for the
 * treating doctor. Fixed texts follow the patient's language; the specialist's own text is printed as written.
 */
public final class ReportPdf {

    public enum Kind { SUMMARY, FULL }

    /**
     * What one PDF shows of one report: its latest submitted content, version and hash, its addenda, and the
     * patient's own questions by id (the patient's words and the personal doctor's translation) to head their
     * answers with. A partner's section has no own questions, no answers to them and no addenda
     * ({@code PartnerCopy}).
     */
    public record Section(String specialistSubject, int version, String sha256, ReportContent content,
                          List<Report.Addendum> addenda, Map<String, OwnQuestion> ownQuestions) {
    }

    /** One of the patient's own questions as the brief gave it. */
    public record OwnQuestion(String text, String translation) {
    }

    public static final String MEDIA_TYPE = "application/pdf";

    private static final Font TITLE = PdfFonts.TITLE;
    private static final Font HEADING = PdfFonts.HEADING;
    private static final Font BODY = PdfFonts.BODY;

    private ReportPdf() {
    }

    public static byte[] render(Kind kind, String language, List<Section> sections) {
        FixedTexts t = FixedTexts.in(language);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(doc, out);
            doc.open();
            doc.add(paragraph(t.get(kind == Kind.SUMMARY ? "summaryTitle" : "fullTitle"), TITLE));
            for (Section s : sections) {
                if (kind == Kind.SUMMARY) {
                    summary(doc, t, s);
                } else {
                    full(doc, t, s);
                }
            }
            doc.add(new Paragraph(" ", BODY));
            doc.add(paragraph(t.get("disclaimer"), BODY));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The PDF could not be written", e);
        }
        return out.toByteArray();
    }

    private static void summary(Document doc, FixedTexts t, Section s) {
        ReportContent c = s.content();
        heading(doc, t.get("specialist") + " " + s.specialistSubject());
        text(doc, c.diagnosisAssessment() == null ? null : t.get(c.diagnosisAssessment().name()));
        field(doc, t.get("treatment"), c.recommendedTreatment());
        field(doc, t.get("surgery"), c.surgeryNecessary() == null ? null : t.get(c.surgeryNecessary().name()));
        answers(doc, t, s, Kind.SUMMARY);
    }

    private static void full(Document doc, FixedTexts t, Section s) {
        ReportContent c = s.content();
        heading(doc, t.get("specialist") + " " + s.specialistSubject() + " - " + t.get("version") + " " + s.version()
                + " - SHA-256 " + s.sha256());
        field(doc, t.get("diagnosis"), join(c.diagnosisAssessment() == null ? null : t.get(c.diagnosisAssessment().name()),
                c.diagnosis(), c.diagnosisIcd10()));
        field(doc, t.get("treatment"), c.recommendedTreatment());
        for (ReportContent.Alternative a : c.alternatives()) {
            field(doc, t.get("alternatives"), a.treatment() + ". " + t.get("benefits") + ": " + nz(a.benefits()) + ". "
                    + t.get("risks") + ": " + nz(a.risks()));
        }
        field(doc, t.get("waitAndSee"), c.waitAndSee());
        field(doc, t.get("trials"), c.clinicalTrials().isEmpty() ? null : String.join(", ", c.clinicalTrials()));
        field(doc, t.get("surgery"), join(c.surgeryNecessary() == null ? null : t.get(c.surgeryNecessary().name()),
                c.surgeryRationale()));
        field(doc, t.get("prognosis"), c.prognosis());
        field(doc, t.get("whyDifferent"), c.whyDifferent());
        field(doc, t.get("testsToAdd"), c.testsToAdd().isEmpty() ? null : String.join("; ", c.testsToAdd()));
        field(doc, t.get("testsToStop"), c.testsToStop().isEmpty() ? null : String.join("; ", c.testsToStop()));
        field(doc, t.get("medications"), c.medications().isEmpty() ? null : String.join("; ", c.medications()));
        answers(doc, t, s, Kind.FULL);
    }

    /**
     * An answer is headed by its question as the reader asked it: a standard question in the patient's language,
     * an own question in the patient's words (the full report adds the personal doctor's translation for the
     * treating doctor); an own question no longer in the brief by a fixed "your own question", never by its id.
     */
    private static String questionHeading(FixedTexts t, Section s, String questionCode, Kind kind) {
        OwnQuestion own = s.ownQuestions().get(questionCode);
        if (own != null && own.text() != null && !own.text().isBlank()) {
            return kind == Kind.FULL && own.translation() != null && !own.translation().isBlank()
                    ? own.text() + " (" + own.translation() + ")" : own.text();
        }
        return PartnerCopy.standardQuestion(questionCode) ? t.standardQuestion(questionCode) : t.get("ownQuestion");
    }

    private static void answers(Document doc, FixedTexts t, Section s, Kind kind) {
        if (!s.content().answers().isEmpty()) {
            heading(doc, t.get("questions"));
            for (ReportContent.Answer a : s.content().answers()) {
                field(doc, questionHeading(t, s, a.questionCode(), kind), a.text());
            }
        }
        if (!s.addenda().isEmpty()) {
            heading(doc, t.get("addenda"));
            for (Report.Addendum a : s.addenda()) {
                field(doc, nz(a.question()), a.answer());
            }
        }
    }

    private static void heading(Document doc, String text) {
        doc.add(new Paragraph(" ", BODY));
        doc.add(paragraph(text, HEADING));
    }

    private static void field(Document doc, String label, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(paragraph(label + ": " + value, BODY));
        }
    }

    private static void text(Document doc, String value) {
        if (value != null) {
            doc.add(paragraph(value, BODY));
        }
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                b.append(b.length() == 0 ? "" : " ").append(p);
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    /**
     * Every text goes through here. Stored text loses what the input policy refuses (text stored before the policy,
     * names from other services' events): a PDF must never carry a control character or a bidi override that
     * reorders what the doctor reads. What is left but has no glyph in the font is marked, never dropped.
     */
    private static Paragraph paragraph(String text, Font font) {
        return new Paragraph(MissingGlyphs.marked(InputPolicy.scrub(text, TextKind.FREE_TEXT), font.getBaseFont()), font);
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }
}
