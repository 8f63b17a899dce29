package io.consilium.report.output;

import io.consilium.report.domain.CodeCatalogue;
import io.consilium.report.domain.Consolidation;
import io.consilium.report.domain.ReportContent;

import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The patient's summary of a case (issue 13): one document across the released reports, in the patient's language
 * for every fixed text and label, naming the experts, the diagnosis, the treatment, the alternatives, the tests to
 * add and to stop, the medications, where the experts agree and where they differ and why, the follow-up answers
 * and the next steps. Built as data ({@link View}, the app's JSON) and printed as is by {@link SummaryPdf}, so the
 * PDF and the app never say different things. Questions appear in words (a standard question in the patient's
 * language, an own question in the patient's words), experts by name; no question code or id is ever printed.
 * Plain code: a unit test reaches every rule.
 */
public final class PatientSummary {

    /**
     * What the summary is made of: the case's released reports, its questions, its personal doctor and what the
     * patient came with ({@code cameWith}, null when unknown or for a partner).
     */
    public record Input(UUID caseId, String language, List<Question> questions, List<Part> parts,
                        String personalDoctorName, CameWith cameWith) {
    }

    /** The diagnosis and the proposed treatment the patient came with (the brief's), so the summary says what changed. */
    public record CameWith(String diagnosis, String icd10, String proposedTreatment) {
    }

    /** A question of the brief: a standard one by its code ({@code text} null), an own one in the patient's words. */
    public record Question(String questionId, boolean standard, String text) {
    }

    /** One released report: who wrote it, what it says, its addenda. */
    public record Part(UUID reportId, Expert expert, ReportContent content, List<DatedAddendum> addenda,
                       Instant releasedAt) {
    }

    /** Who an expert is (any part may be unknown for reports opened from older events). */
    public record Expert(String name, String specialty, String institution, String country) {
    }

    /** An answer to a follow-up question, with the question it answers and when it was answered. */
    public record DatedAddendum(String question, String answer, Instant answeredAt) {
    }

    /**
     * The summary for the app. {@code sections} in reading order, each with a stable {@code key} (diagnosis,
     * questions, treatment, alternatives, testsToAdd, testsToStop, medications, surgery, agreement, differences,
     * notComparable, addenda, nextSteps), a heading and a lead in the patient's language.
     */
    public record View(UUID caseId, String language, String title, String intro, Instant releasedAt,
                       String releasedOn, List<ExpertView> experts, List<Section> sections, String disclaimer) {
        public Section section(String key) {
            return sections.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
        }
    }

    /** An expert as the patient reads it: the specialty and the country in the patient's language. */
    public record ExpertView(String name, String specialty, String institution, String country, String countryCode) {
    }

    public record Section(String key, String heading, String lead, List<Entry> entries) {
    }

    /**
     * One line of a section: its text (a name in the patient's language, or the expert's own words where there is
     * no code), its code and code system where it has one (for the app; the PDF prints only ICD-10), what the
     * experts said about it and who, and a date where it has one (addenda).
     */
    public record Entry(String text, String code, String system, List<Said> said, String date) {
    }

    /** Who said something ({@code byAll}: every expert of the panel) and what, in their words (null: just who). */
    public record Said(List<String> by, boolean byAll, String text) {
    }

    public static final String ICD10 = "ICD-10";
    public static final String ATC = "ATC";
    public static final String TREATMENTS = "consilium:treatments";
    public static final String TESTS = "consilium:tests";

    private final FixedTexts t;
    private final CodeCatalogue catalogue;
    private final Input in;
    private final int n;

    private PatientSummary(Input in, CodeCatalogue catalogue) {
        this.in = in;
        this.t = FixedTexts.in(in.language());
        this.catalogue = catalogue;
        this.n = in.parts().size();
    }

    public static View of(Input in, CodeCatalogue catalogue) {
        return new PatientSummary(in, catalogue).build();
    }

    private View build() {
        String lang = t.language();
        Instant released = in.parts().stream().map(Part::releasedAt).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(null);
        List<ExpertView> experts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Expert e = in.parts().get(i).expert();
            String cc = e == null || e.country() == null ? null : e.country();
            experts.add(new ExpertView(who(i), e == null ? null : t.specialty(e.specialty()),
                    e == null ? null : e.institution(),
                    cc == null ? null : new Locale("", cc).getDisplayCountry(Locale.forLanguageTag(lang)), cc));
        }
        Consolidation.View cons = Consolidation.of(opinions());
        List<Section> sections = new ArrayList<>();
        sections.add(diagnosis());
        sections.add(questions());
        sections.add(treatment());
        sections.add(alternatives());
        sections.add(coded("testsToAdd", CodeCatalogue.Kind.TEST, c -> c.testsToAddCoded().stream()
                .map(x -> new Coded(x.code(), x.text())).toList(), ReportContent::testsToAdd));
        sections.add(coded("testsToStop", CodeCatalogue.Kind.TEST, c -> c.testsToStopCoded().stream()
                .map(x -> new Coded(x.code(), x.text())).toList(), ReportContent::testsToStop));
        sections.add(coded("medications", CodeCatalogue.Kind.MEDICATION, c -> c.medicationsAtc().stream()
                .map(x -> new Coded(x.atc(), x.text())).toList(), ReportContent::medications));
        sections.add(surgery());
        if (n > 1) {
            sections.addAll(agreement(cons));
        }
        Section addenda = addenda();
        if (!addenda.entries().isEmpty()) {
            sections.add(addenda);
        }
        sections.add(nextSteps());
        return new View(in.caseId(), lang, t.get("summaryTitle"),
                n > 1 ? t.get("introPanel").replace("{n}", String.valueOf(n)) : t.get("introOne"), released,
                released == null ? null : date(released), experts, sections, t.get("disclaimer"));
    }

    private List<Consolidation.Opinion> opinions() {
        List<Consolidation.Opinion> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Part p = in.parts().get(i);
            list.add(new Consolidation.Opinion(p.reportId(), who(i), who(i), p.content()));
        }
        return list;
    }

    /** The expert's name; "Specialist 2" for a report whose author's name never reached us (never the subject). */
    private String who(int i) {
        Expert e = in.parts().get(i).expert();
        return e != null && e.name() != null && !e.name().isBlank() ? e.name() : t.get("specialist") + " " + (i + 1);
    }

    private Section diagnosis() {
        List<Entry> entries = new ArrayList<>();
        CameWith before = in.cameWith();
        if (before != null && !blank(before.diagnosis())) {
            entries.add(new Entry(t.get("cameWith") + ": " + before.diagnosis(), blank(before.icd10()) ? null : before.icd10(),
                    blank(before.icd10()) ? null : ICD10, List.of(), null));
        }
        List<String> assessments = in.parts().stream().map(p -> p.content().diagnosisAssessment() == null ? null
                : p.content().diagnosisAssessment().name()).toList();
        String lead = null;
        if (assessments.stream().distinct().count() == 1 && assessments.get(0) != null) {
            lead = n == 1 ? t.get(assessments.get(0)) : t.get("all." + assessments.get(0));
        } else if (n > 0) {
            lead = t.get("mixedAssessment");
            List<Said> said = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (assessments.get(i) != null) {
                    said.add(new Said(List.of(who(i)), false, t.get("assess." + assessments.get(i))));
                }
            }
            entries.add(new Entry(t.get("point.diagnosisAssessment"), null, null, said, null));
        }
        // One entry per diagnosis: by its ICD-10 code where given (the first expert's words name it), else per wording.
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            ReportContent c = in.parts().get(i).content();
            if (blank(c.diagnosis()) && blank(c.diagnosisIcd10())) {
                continue;
            }
            String key = !blank(c.diagnosisIcd10()) ? "code:" + c.diagnosisIcd10() : "text:" + normalise(c.diagnosis());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        groups.forEach((key, idx) -> {
            ReportContent first = in.parts().get(idx.get(0)).content();
            entries.add(new Entry(blank(first.diagnosis()) ? first.diagnosisIcd10() : first.diagnosis(),
                    blank(first.diagnosisIcd10()) ? null : first.diagnosisIcd10(), blank(first.diagnosisIcd10()) ? null : ICD10,
                    // all holding it is what the lead says; otherwise who holds this one
                    n > 1 && idx.size() < n ? List.of(new Said(idx.stream().map(this::who).toList(), false, null)) : List.of(),
                    null));
        });
        List<Said> why = grouped(i -> in.parts().get(i).content().whyDifferent());
        if (!why.isEmpty()) {
            entries.add(new Entry(t.get("whyDifferent"), null, null, why, null));
        }
        return new Section("diagnosis", t.get("diagnosisHeading"), lead, entries);
    }

    private Section questions() {
        List<Entry> entries = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Question q : in.questions()) {
            seen.add(q.questionId());
            List<Said> said = answersTo(q.questionId());
            if (said.isEmpty()) {
                continue; // e.g. a partner's copy, which carries no answers to the patient's own questions
            }
            String words = q.standard() ? t.standardQuestion(q.questionId())
                    : blank(q.text()) ? t.get("ownQuestion") : q.text();
            entries.add(new Entry(words, q.standard() ? q.questionId() : null, null, said, null));
        }
        // Answers to questions no longer in the brief: still shown, headed in words, never by their id.
        for (Part p : in.parts()) {
            for (ReportContent.Answer a : p.content().answers()) {
                if (!seen.contains(a.questionCode())) {
                    seen.add(a.questionCode());
                    boolean standard = io.consilium.report.domain.PartnerCopy.standardQuestion(a.questionCode());
                    entries.add(new Entry(standard ? t.standardQuestion(a.questionCode()) : t.get("ownQuestion"),
                            standard ? a.questionCode() : null, null, answersTo(a.questionCode()), null));
                }
            }
        }
        return new Section("questions", t.get("questions"), null, entries);
    }

    private List<Said> answersTo(String questionId) {
        return grouped(i -> in.parts().get(i).content().answers().stream()
                .filter(a -> a.questionCode().equals(questionId)).map(ReportContent.Answer::text).findFirst().orElse(null));
    }

    private Section treatment() {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            ReportContent c = in.parts().get(i).content();
            if (c.recommendedTreatmentCode() != null) {
                groups.computeIfAbsent("code:" + c.recommendedTreatmentCode(), k -> new ArrayList<>()).add(i);
            } else if (!blank(c.recommendedTreatment())) {
                groups.computeIfAbsent("text:" + normalise(c.recommendedTreatment()), k -> new ArrayList<>()).add(i);
            }
        }
        List<Entry> entries = new ArrayList<>();
        groups.forEach((key, idx) -> {
            ReportContent first = in.parts().get(idx.get(0)).content();
            String code = first.recommendedTreatmentCode();
            List<Said> said = groupedAmong(idx, i -> in.parts().get(i).content().recommendedTreatment());
            entries.add(new Entry(code != null ? catalogue.name(CodeCatalogue.Kind.TREATMENT, code, t.language())
                    : first.recommendedTreatment(), code, code == null ? null : TREATMENTS,
                    // words that are the entry's own text need saying once: who said them, for a panel only
                    code == null && said.size() == 1 ? (n > 1 ? List.of(new Said(said.get(0).by(), said.get(0).byAll(), null))
                            : List.of()) : said,
                    null));
        });
        CameWith before = in.cameWith();
        String lead = before != null && !blank(before.proposedTreatment())
                ? t.get("proposedBefore") + ": " + before.proposedTreatment() : null;
        if (entries.isEmpty()) {
            lead = lead == null ? t.get("nothingNamed") : lead + ". " + t.get("treatment") + ": " + t.get("nothingNamed");
        }
        return new Section("treatment", t.get("treatment"), lead, entries);
    }

    private Section alternatives() {
        Map<String, List<Object[]>> groups = new LinkedHashMap<>(); // key -> [expert index, alternative]
        for (int i = 0; i < n; i++) {
            for (ReportContent.Alternative a : in.parts().get(i).content().alternatives()) {
                String key = a.treatmentCode() != null ? "code:" + a.treatmentCode() : "text:" + normalise(a.treatment());
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new Object[]{i, a});
            }
        }
        List<Entry> entries = new ArrayList<>();
        groups.forEach((key, list) -> {
            ReportContent.Alternative first = (ReportContent.Alternative) list.get(0)[1];
            Map<String, List<String>> byText = new LinkedHashMap<>();
            Map<String, String> wording = new LinkedHashMap<>();
            for (Object[] o : list) {
                ReportContent.Alternative a = (ReportContent.Alternative) o[1];
                String text = (first.treatmentCode() != null && !normalise(a.treatment()).equals(normalise(
                        catalogue.name(CodeCatalogue.Kind.TREATMENT, first.treatmentCode(), "en"))) ? a.treatment() + ". " : "")
                        + t.get("benefits") + ": " + nz(a.benefits()) + ". " + t.get("risks") + ": " + nz(a.risks());
                String k = normalise(text);
                wording.putIfAbsent(k, text);
                List<String> by = byText.computeIfAbsent(k, x -> new ArrayList<>());
                String name = who((Integer) o[0]);
                if (!by.contains(name)) {
                    by.add(name);
                }
            }
            List<Said> said = new ArrayList<>();
            byText.forEach((k, by) -> said.add(new Said(n > 1 ? by : List.of(), n > 1 && by.size() == n, wording.get(k))));
            String code = first.treatmentCode();
            entries.add(new Entry(code != null ? catalogue.name(CodeCatalogue.Kind.TREATMENT, code, t.language())
                    : first.treatment(), code, code == null ? null : TREATMENTS, said, null));
        });
        return new Section("alternatives", t.get("alternatives"), entries.isEmpty() ? t.get("nothingNamed") : null, entries);
    }

    private record Coded(String code, String text) {
    }

    /** A list by code (named in the patient's language, the experts' notes beside), then what has no code. */
    private Section coded(String key, CodeCatalogue.Kind kind, java.util.function.Function<ReportContent, List<Coded>> codes,
                          java.util.function.Function<ReportContent, List<String>> free) {
        Map<String, List<Integer>> byCode = new LinkedHashMap<>();
        Map<String, Map<Integer, String>> notes = new LinkedHashMap<>();
        Map<String, List<Integer>> byText = new LinkedHashMap<>();
        Map<String, String> wording = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            ReportContent c = in.parts().get(i).content();
            for (Coded x : codes.apply(c)) {
                List<Integer> by = byCode.computeIfAbsent(x.code(), k -> new ArrayList<>());
                if (!by.contains(i)) {
                    by.add(i);
                }
                if (!blank(x.text())) {
                    notes.computeIfAbsent(x.code(), k -> new LinkedHashMap<>()).putIfAbsent(i, x.text());
                }
            }
            for (String f : free.apply(c)) {
                if (blank(f)) {
                    continue;
                }
                String k = normalise(f);
                wording.putIfAbsent(k, f);
                List<Integer> by = byText.computeIfAbsent(k, x -> new ArrayList<>());
                if (!by.contains(i)) {
                    by.add(i);
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        String system = kind == CodeCatalogue.Kind.MEDICATION ? ATC : TESTS;
        byCode.forEach((code, idx) -> {
            Map<Integer, String> said = notes.getOrDefault(code, Map.of());
            List<Said> list = new ArrayList<>(groupedAmong(idx, i -> said.get(i)));
            List<Integer> silent = idx.stream().filter(i -> !said.containsKey(i)).toList();
            if (!silent.isEmpty() && n > 1) {
                list.add(new Said(silent.stream().map(this::who).toList(), silent.size() == n, null));
            }
            entries.add(new Entry(catalogue.name(kind, code, t.language()), code, system, list, null));
        });
        byText.forEach((k, idx) -> entries.add(new Entry(wording.get(k), null, null,
                n > 1 ? List.of(new Said(idx.stream().map(this::who).toList(), idx.size() == n, null)) : List.of(), null)));
        return new Section(key, t.get(key), entries.isEmpty() ? t.get("nothingNamed") : null, entries);
    }

    private Section surgery() {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            var s = in.parts().get(i).content().surgeryNecessary();
            if (s != null) {
                groups.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(i);
            }
        }
        List<Entry> entries = new ArrayList<>();
        groups.forEach((value, idx) -> entries.add(new Entry(t.get(value), value, null,
                groupedAmong(idx, i -> in.parts().get(i).content().surgeryRationale()), null)));
        return new Section("surgery", t.get("surgery"), null, entries);
    }

    /** Where the panel agrees, where it differs (who said what, and why) and what it answered in words only. */
    private List<Section> agreement(Consolidation.View cons) {
        List<Entry> agreed = new ArrayList<>();
        List<Entry> differing = new ArrayList<>();
        List<Entry> notComparable = new ArrayList<>();
        for (Consolidation.Point p : cons.points()) {
            String label = t.get("point." + p.point());
            switch (p.outcome()) {
                case AGREED -> {
                    String value = agreedValue(p);
                    if (value != null) {
                        agreed.add(new Entry(label + ": " + value, null, null, List.of(), null));
                    }
                }
                case PARTLY_AGREED, DIFFERING -> differing.add(new Entry(label, null, null, positions(p), null));
                case NOT_COMPARABLE -> {
                    List<Said> said = words(p);
                    if (!said.isEmpty()) {
                        notComparable.add(new Entry(label, null, null, said, null));
                    }
                }
            }
        }
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("agreement", t.get("agreement"), null, agreed));
        sections.add(new Section("differences", t.get("differences"), differing.isEmpty() ? t.get("noDifferences") : null,
                differing));
        if (!notComparable.isEmpty()) {
            sections.add(new Section("notComparable", t.get("notComparable"), null, notComparable));
        }
        return sections;
    }

    /** The agreed value in words; null for a set all experts left empty (nothing worth saying). */
    private String agreedValue(Consolidation.Point p) {
        Consolidation.Position first = p.positions().isEmpty() ? null : p.positions().get(0);
        if (first == null) {
            return null;
        }
        return switch (p.point()) {
            case Consolidation.DIAGNOSIS_ASSESSMENT -> t.get("agreed." + first.code());
            case Consolidation.DIAGNOSIS -> first.text() != null ? first.text() : first.code();
            case Consolidation.SURGERY_NECESSARY -> t.get(first.code());
            case Consolidation.RECOMMENDED_TREATMENT -> first.code() != null
                    ? catalogue.name(CodeCatalogue.Kind.TREATMENT, first.code(), t.language()) : first.text();
            default -> {
                CodeCatalogue.Kind kind = p.point().equals(Consolidation.MEDICATIONS) ? CodeCatalogue.Kind.MEDICATION
                        : p.point().equals(Consolidation.ALTERNATIVES) ? CodeCatalogue.Kind.TREATMENT : CodeCatalogue.Kind.TEST;
                List<String> names = new ArrayList<>(first.codes().stream().map(c -> catalogue.name(kind, c, t.language())).toList());
                names.addAll(first.uncoded());
                yield names.isEmpty() ? null : String.join("; ", names);
            }
        };
    }

    /** Who said what on a point the experts do not all agree on, with each one's reason where the report gives it. */
    private List<Said> positions(Consolidation.Point p) {
        List<Said> said = new ArrayList<>();
        if (!p.items().isEmpty() || p.positions().stream().anyMatch(x -> !x.uncoded().isEmpty())) {
            CodeCatalogue.Kind kind = p.point().equals(Consolidation.MEDICATIONS) ? CodeCatalogue.Kind.MEDICATION
                    : p.point().equals(Consolidation.ALTERNATIVES) ? CodeCatalogue.Kind.TREATMENT : CodeCatalogue.Kind.TEST;
            for (Consolidation.Item item : p.items()) {
                said.add(new Said(item.namedByNames(), item.outcome() == Consolidation.Outcome.AGREED,
                        catalogue.name(kind, item.code(), t.language())));
            }
            for (Consolidation.Position x : p.positions()) {
                if (!x.uncoded().isEmpty()) {
                    said.add(new Said(List.of(x.specialist()), false, String.join("; ", x.uncoded())));
                }
            }
            for (Consolidation.Position x : p.positions()) {
                if (x.codes().isEmpty() && x.uncoded().isEmpty()) {
                    said.add(new Said(List.of(x.specialist()), false, t.get("nothingNamed")));
                }
            }
            return said;
        }
        for (Consolidation.Position x : p.positions()) {
            String value = x.code() == null && x.text() == null ? t.get("saidNothing") : switch (p.point()) {
                case Consolidation.DIAGNOSIS_ASSESSMENT -> t.get("assess." + x.code());
                case Consolidation.SURGERY_NECESSARY -> t.get(x.code());
                case Consolidation.RECOMMENDED_TREATMENT -> x.code() != null
                        ? catalogue.name(CodeCatalogue.Kind.TREATMENT, x.code(), t.language()) : x.text();
                default -> x.text() != null ? x.text() + (x.code() != null ? " (" + x.code() + ")" : "") : x.code();
            };
            said.add(new Said(List.of(x.specialist()), false,
                    x.reason() == null ? value : value + " (" + t.get("why") + ": " + x.reason() + ")"));
        }
        return said;
    }

    /** Each expert's own words on a point that cannot be compared. */
    private List<Said> words(Consolidation.Point p) {
        List<Said> said = new ArrayList<>();
        for (Consolidation.Position x : p.positions()) {
            String words = x.text() != null ? x.text() : !x.uncoded().isEmpty() ? String.join("; ", x.uncoded()) : null;
            if (words != null) {
                said.add(new Said(List.of(x.specialist()), false, words));
            }
        }
        return said;
    }

    private Section addenda() {
        List<Object[]> all = new ArrayList<>(); // [answeredAt, entry]
        for (int i = 0; i < n; i++) {
            for (DatedAddendum a : in.parts().get(i).addenda()) {
                if (blank(a.answer())) {
                    continue; // a partner's copy: neither question nor answer
                }
                all.add(new Object[]{a.answeredAt(), new Entry(blank(a.question()) ? t.get("ownQuestion") : a.question(),
                        null, null, List.of(new Said(List.of(who(i)), false, a.answer())),
                        a.answeredAt() == null ? null : t.get("answeredOn") + " " + date(a.answeredAt()))});
            }
        }
        all.sort(Comparator.comparing(o -> (Instant) o[0], Comparator.nullsLast(Comparator.naturalOrder())));
        return new Section("addenda", t.get("addenda"), null, all.stream().map(o -> (Entry) o[1]).toList());
    }

    private Section nextSteps() {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(t.get("next.treatingDoctor"), null, null, List.of(), null));
        entries.add(new Entry(blank(in.personalDoctorName()) ? t.get("next.personalDoctor")
                : t.get("next.personalDoctorNamed").replace("{name}", in.personalDoctorName()), null, null, List.of(), null));
        entries.add(new Entry(t.get("next.share"), null, null, List.of(), null));
        entries.add(new Entry(t.get("next.followUp"), null, null, List.of(), null));
        return new Section("nextSteps", t.get("nextSteps"), null, entries);
    }

    /** The experts' words on something, the same words (after normalisation) said once with everyone who said them. */
    private List<Said> grouped(java.util.function.IntFunction<String> text) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return groupedAmong(all, text::apply);
    }

    private List<Said> groupedAmong(List<Integer> experts, java.util.function.Function<Integer, String> text) {
        Map<String, List<String>> by = new LinkedHashMap<>();
        Map<String, String> wording = new LinkedHashMap<>();
        for (int i : experts) {
            String s = text.apply(i);
            if (blank(s)) {
                continue;
            }
            String k = normalise(s);
            wording.putIfAbsent(k, s);
            by.computeIfAbsent(k, x -> new ArrayList<>()).add(who(i));
        }
        List<Said> said = new ArrayList<>();
        by.forEach((k, names) -> said.add(new Said(n > 1 ? names : List.of(), n > 1 && names.size() == n, wording.get(k))));
        return said;
    }

    private String date(Instant at) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(t.language()))
                .withZone(ZoneOffset.UTC).format(at);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return blank(s) ? "-" : s;
    }

    private static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
