package io.consilium.report.output;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The patient's summary ({@link PatientSummary.View}) as a PDF: every line is the view's, so the app and the PDF
 * say the same. The only code printed is the diagnosis' ICD-10 (the treating doctor looks for it); catalogue and
 * ATC codes stay in the JSON.
 */
public final class SummaryPdf {

    private SummaryPdf() {
    }

    public static byte[] render(PatientSummary.View view) {
        FixedTexts t = FixedTexts.in(view.language());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(doc, out);
            doc.open();
            doc.add(ReportPdf.paragraph(view.title(), PdfFonts.TITLE));
            doc.add(ReportPdf.paragraph(view.intro(), PdfFonts.BODY));
            if (view.releasedOn() != null) {
                doc.add(ReportPdf.paragraph(t.get("releasedOn") + " " + view.releasedOn(), PdfFonts.BODY));
            }
            heading(doc, t.get("experts"));
            for (PatientSummary.ExpertView e : view.experts()) {
                List<String> about = new ArrayList<>();
                for (String s : new String[]{e.specialty(), e.institution(), e.country()}) {
                    if (s != null && !s.isBlank()) {
                        about.add(s);
                    }
                }
                doc.add(item(e.name() + (about.isEmpty() ? "" : ": " + String.join(", ", about)), 0));
            }
            for (PatientSummary.Section s : view.sections()) {
                if (s.entries().isEmpty() && s.lead() == null) {
                    continue;
                }
                heading(doc, s.heading());
                if (s.lead() != null) {
                    doc.add(ReportPdf.paragraph(s.lead(), PdfFonts.BODY));
                }
                for (PatientSummary.Entry e : s.entries()) {
                    String text = e.text() + (PatientSummary.ICD10.equals(e.system()) ? " (" + t.get("icd10") + " "
                            + e.code() + ")" : "") + (e.date() == null ? "" : " (" + e.date() + ")");
                    doc.add(item(text, 0));
                    for (PatientSummary.Said said : e.said()) {
                        if (said.text() == null && said.by().isEmpty() && !said.byAll()) {
                            continue; // nobody to name and nothing said
                        }
                        doc.add(item(said(t, said, s.key().equals("diagnosis") ? "accordingTo" : "recommendedBy"), 18));
                    }
                }
            }
            doc.add(new Paragraph(" ", PdfFonts.BODY));
            doc.add(ReportPdf.paragraph(view.disclaimer(), PdfFonts.BODY));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The summary PDF could not be written", e);
        }
        return out.toByteArray();
    }

    /** "Dr A, Dr B: their words", or without words "(recommended by Dr A)" ("according to" for a diagnosis). */
    private static String said(FixedTexts t, PatientSummary.Said s, String verb) {
        String who = s.byAll() ? t.get("allExperts") : String.join(", ", s.by());
        if (s.text() == null) {
            return "(" + t.get(verb) + " " + who + ")";
        }
        return who.isEmpty() ? s.text() : Character.toUpperCase(who.charAt(0)) + who.substring(1) + ": " + s.text();
    }

    private static Paragraph item(String text, float indent) {
        Paragraph p = ReportPdf.paragraph((indent == 0 ? "\u2022 " : "") + text, PdfFonts.BODY);
        p.setIndentationLeft(indent);
        p.setSpacingBefore(indent == 0 ? 3 : 0);
        return p;
    }

    private static void heading(Document doc, String text) {
        Paragraph p = ReportPdf.paragraph(text, PdfFonts.HEADING);
        p.setSpacingBefore(10);
        p.setSpacingAfter(2);
        doc.add(p);
    }
}
