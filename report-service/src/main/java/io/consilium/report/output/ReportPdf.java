package io.consilium.report.output;

import com.lowagie.text.Document;
import io.consilium.platform.input.InputPolicy;
import io.consilium.platform.input.TextKind;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import io.consilium.report.domain.CodeCatalogue;
import io.consilium.report.domain.PartnerCopy;
import io.consilium.report.domain.ReportContent;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * The two PDFs of a released report: a plain-language summary for the patient ({@link PatientSummary} of that
 * report, printed by {@link SummaryPdf}) and the full expert report for the treating doctor, with every field, the
 * codes beside the free text, who the expert is and the dated addenda. Fixed texts follow the patient's language;
 * the specialist's own text is printed as written.
 */
public final class ReportPdf {

    public enum Kind { SUMMARY, FULL }

    /**
     * What one PDF shows of one report: its latest submitted content, version and hash, its addenda (dated, with
     * the question each answers), the patient's own questions by id (the patient's words and the personal doctor's
     * translation) to head their answers with, and who the expert is. A partner's section has no own questions, no
     * answers to them and no addenda ({@code PartnerCopy}).
     */
    public record Section(String specialistSubject, int version, String sha256, ReportContent content,
                          List<PatientSummary.DatedAddendum> addenda, Map<String, OwnQuestion> ownQuestions,
                          PatientSummary.Expert expert, java.time.Instant releasedAt) {

        public Section(String specialistSubject, int version, String sha256, ReportContent content,
                       List<PatientSummary.DatedAddendum> addenda, Map<String, OwnQuestion> ownQuestions) {
            this(specialistSubject, version, sha256, content, addenda, ownQuestions, null, null);
        }

        /** The author by name; the subject only for reports whose author's name never reached report-service. */
        String author() {
            return expert != null && expert.name() != null && !expert.name().isBlank() ? expert.name() : specialistSubject;
        }
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
        if (kind == Kind.SUMMARY) {
            return SummaryPdf.render(PatientSummary.of(summaryInput(language, sections), CodeCatalogue.standard()));
        }
        FixedTexts t = FixedTexts.in(language);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(doc, out);
            doc.open();
            doc.add(paragraph(t.get("fullTitle"), TITLE));
            for (Section s : sections) {
                full(doc, t, s);
            }
            doc.add(new Paragraph(" ", BODY));
            doc.add(paragraph(t.get("disclaimer"), BODY));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The PDF could not be written", e);
        }
        return out.toByteArray();
    }

    /**
     * One report's summary is the case summary of that report alone: the same words, the diagnosis named, the tests
     * and medications listed (issue 13), its questions headed as the brief asked them.
     */
    private static PatientSummary.Input summaryInput(String language, List<Section> sections) {
        List<PatientSummary.Question> questions = new java.util.ArrayList<>();
        List<PatientSummary.Part> parts = new java.util.ArrayList<>();
        for (Section s : sections) {
            for (ReportContent.Answer a : s.content().answers()) {
                OwnQuestion own = s.ownQuestions().get(a.questionCode());
                boolean standard = PartnerCopy.standardQuestion(a.questionCode());
                if (questions.stream().noneMatch(q -> q.questionId().equals(a.questionCode()))) {
                    questions.add(new PatientSummary.Question(a.questionCode(), standard && own == null,
                            own == null ? null : own.text()));
                }
            }
            parts.add(new PatientSummary.Part(null, s.expert(), s.content(), s.addenda(), s.releasedAt()));
        }
        return new PatientSummary.Input(null, language, questions, parts, null, null);
    }

    private static void full(Document doc, FixedTexts t, Section s) {
        ReportContent c = s.content();
        CodeCatalogue cat = CodeCatalogue.standard();
        String lang = t.language();
        heading(doc, t.get("specialist") + " " + s.author() + " - " + t.get("version") + " " + s.version()
                + " - SHA-256 " + s.sha256());
        if (s.expert() != null) {
            field(doc, t.get("specialty"), t.specialty(s.expert().specialty()));
            field(doc, t.get("institution"), s.expert().institution());
            field(doc, t.get("country"), s.expert().country() == null ? null
                    : new java.util.Locale("", s.expert().country()).getDisplayCountry(java.util.Locale.forLanguageTag(lang))
                    + " (" + s.expert().country() + ")");
        }
        field(doc, t.get("diagnosis"), join(c.diagnosisAssessment() == null ? null : t.get(c.diagnosisAssessment().name()),
                c.diagnosis(), c.diagnosisIcd10() == null ? null : "(" + t.get("icd10") + " " + c.diagnosisIcd10() + ")"));
        field(doc, t.get("treatment"), join(c.recommendedTreatment(), c.recommendedTreatmentCode() == null ? null
                : "[" + cat.name(CodeCatalogue.Kind.TREATMENT, c.recommendedTreatmentCode(), lang) + ", "
                + t.get("code") + " " + c.recommendedTreatmentCode() + "]"));
        field(doc, t.get("treatmentChanged"), c.treatmentChanged() == null ? null : t.get(c.treatmentChanged() ? "YES" : "NO"));
        for (ReportContent.Alternative a : c.alternatives()) {
            field(doc, t.get("alternatives"), a.treatment() + (a.treatmentCode() == null ? "" : " ["
                    + cat.name(CodeCatalogue.Kind.TREATMENT, a.treatmentCode(), lang) + ", " + t.get("code") + " "
                    + a.treatmentCode() + "]") + ". " + t.get("benefits") + ": " + nz(a.benefits()) + ". "
                    + t.get("risks") + ": " + nz(a.risks()));
        }
        field(doc, t.get("waitAndSee"), c.waitAndSee());
        field(doc, t.get("trials"), c.clinicalTrials().isEmpty() ? null : String.join(", ", c.clinicalTrials()));
        field(doc, t.get("surgery"), join(c.surgeryNecessary() == null ? null : t.get(c.surgeryNecessary().name()),
                c.surgeryRationale()));
        field(doc, t.get("prognosis"), c.prognosis());
        field(doc, t.get("whyDifferent"), c.whyDifferent());
        field(doc, t.get("testsToAdd"), list(c.testsToAdd(), c.testsToAddCoded().stream().map(x -> coded(t,
                cat.name(CodeCatalogue.Kind.TEST, x.code(), lang), t.get("code") + " " + x.code(), x.text())).toList()));
        field(doc, t.get("testsToStop"), list(c.testsToStop(), c.testsToStopCoded().stream().map(x -> coded(t,
                cat.name(CodeCatalogue.Kind.TEST, x.code(), lang), t.get("code") + " " + x.code(), x.text())).toList()));
        field(doc, t.get("medications"), list(c.medications(), c.medicationsAtc().stream().map(x -> coded(t,
                cat.name(CodeCatalogue.Kind.MEDICATION, x.atc(), lang), "ATC " + x.atc(), x.text())).toList()));
        answers(doc, t, s, Kind.FULL);
    }

    private static String coded(FixedTexts t, String name, String code, String text) {
        return name + " (" + code + ")" + (text == null || text.isBlank() ? "" : ": " + text);
    }

    private static String list(List<String> free, List<String> coded) {
        List<String> all = new java.util.ArrayList<>(coded);
        all.addAll(free);
        return all.isEmpty() ? null : String.join("; ", all);
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
            java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE
                    .withZone(java.time.ZoneOffset.UTC);
            for (PatientSummary.DatedAddendum a : s.addenda()) {
                // dated, and headed by the question it answers (a partner's copy has neither question nor answer)
                field(doc, (a.answeredAt() == null ? "" : day.format(a.answeredAt()) + " - ") + nz(a.question()),
                        a.answer());
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
    static Paragraph paragraph(String text, Font font) {
        return new Paragraph(MissingGlyphs.marked(InputPolicy.scrub(text, TextKind.FREE_TEXT), font.getBaseFont()), font);
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }
}
