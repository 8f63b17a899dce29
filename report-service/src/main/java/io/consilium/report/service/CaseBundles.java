package io.consilium.report.service;

import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.BreakGlass;
import io.consilium.report.domain.BriefQuestion;
import io.consilium.report.domain.CanonicalJson;
import io.consilium.report.domain.CaseExpert;
import io.consilium.report.domain.CaseFile;
import io.consilium.report.domain.CaseRecord;
import io.consilium.report.domain.CaseRequest;
import io.consilium.report.domain.CaseStep;
import io.consilium.report.domain.ConsentRecord;
import io.consilium.report.domain.Report;
import io.consilium.report.domain.ReportContent;
import io.consilium.report.domain.ReportState;
import io.consilium.report.domain.ReportVersion;
import io.consilium.report.domain.VersionKind;
import io.consilium.report.output.FixedTexts;
import io.consilium.report.output.ReportPdf;
import io.consilium.report.output.fhir.CaseBundle;
import io.consilium.report.security.ReportAccess;
import io.consilium.report.security.ReportAccess.Relation;
import io.consilium.report.service.ReportWorkflow.Visible;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The FHIR case bundle (issue 13): assembled here because report-service holds the reports, their PDFs and the case
 * file, and learns the rest (request, lifecycle, experts, records, consents) from the other services' events.
 *
 * <p>Who may read it: exactly who reads the case's released reports today, except partners and specialists. The
 * bundle carries clinical content a partner's copy never has (the patient's own questions, every answer, the full
 * PDF, the list of records), so a partner is refused with 403 even with the REPORT_TO_PARTNER consent (it keeps the
 * per-report PDF and FHIR export, with its partner copy); a specialist reads their own report, not the case's. The
 * patient (own case, released reports), the assigned personal doctor and ops by break-glass get it.
 */
@ApplicationScoped
public class CaseBundles {

    static final String ACTION = "EXPORT_FHIR_CASE";
    private static final Set<Relation> READERS = EnumSet.of(Relation.PATIENT, Relation.MANAGER, Relation.BREAK_GLASS);

    private final ReportWorkflow workflow;

    CaseBundles(ReportWorkflow workflow) {
        this.workflow = workflow;
    }

    @Transactional
    public String bundle(UUID caseId, String breakGlassReason) {
        String breakGlass = breakGlassReason == null ? null : BreakGlass.purpose(breakGlassReason);
        CaseFile file = CaseFile.findById(caseId);
        List<Visible> readable = new ArrayList<>();
        boolean notForThisRelation = false;
        for (Report r : Report.ofCase(caseId)) {
            Optional<Relation> rel = workflow.relationTo(r, file, breakGlass != null);
            if (rel.isEmpty() || r.state != ReportState.RELEASED) {
                continue;
            }
            if (!READERS.contains(rel.get())) {
                notForThisRelation = true;
                continue;
            }
            readable.add(new Visible(r, file, rel.get(), rel.get() == Relation.BREAK_GLASS ? breakGlass : rel.get().purpose));
        }
        if (readable.isEmpty()) {
            if (notForThisRelation) {
                workflow.deniedOnCase(caseId, file, ACTION, "the case bundle is not for partners or specialists");
                throw new ProblemException.Forbidden("The FHIR case bundle is for the patient, the personal doctor and "
                        + "ops by break-glass; a partner or specialist reads the reports one by one");
            }
            if (ReportAccess.partOfCase(workflow.caller(), file)) {
                throw new ProblemException.Conflict("The case has no released report yet");
            }
            workflow.deniedOnCase(caseId, file, ACTION, "not visible to caller");
            throw new ProblemException.NotFound("Case");
        }
        readable.forEach(v -> workflow.audited(v, ACTION));
        return CaseBundle.json(source(caseId, file, readable));
    }

    private CaseBundle.Source source(UUID caseId, CaseFile file, List<Visible> readable) {
        String language = file == null ? "en" : file.language();
        FixedTexts texts = FixedTexts.in(language);
        Map<String, String> questionWords = new HashMap<>();
        List<CaseBundle.Question> questions = new ArrayList<>();
        if (file != null && file.briefChangedAt != null) {
            for (BriefQuestion q : file.briefQuestions) {
                String words = "OWN".equals(q.kind()) && q.text() != null ? q.text() : texts.standardQuestion(q.questionId());
                questionWords.put(q.questionId(), words);
                questions.add(new CaseBundle.Question(q.questionId(), words));
            }
        } else if (file != null) {
            for (String code : file.questions) {
                questionWords.put(code, texts.standardQuestion(code));
                questions.add(new CaseBundle.Question(code, texts.standardQuestion(code)));
            }
        }
        CaseRequest rq = CaseRequest.findById(caseId);
        CaseBundle.Request request = rq == null
                ? new CaseBundle.Request(null, null, List.of(), null, null, null, null, questions)
                : new CaseBundle.Request(rq.memberId, rq.openedByRole, rq.reasons, rq.requestedSpecialty, rq.urgency,
                rq.diagnosisIcd10, rq.submittedAt, questions);

        List<CaseBundle.Expert> experts = new ArrayList<>();
        List<CaseBundle.ReleasedReport> reports = new ArrayList<>();
        for (Visible v : readable) {
            Report r = v.report();
            CaseExpert e = CaseExpert.findById(new CaseExpert.Key(caseId, r.specialistSubject));
            experts.add(new CaseBundle.Expert(r.specialistSubject,
                    e != null && e.specialistId != null ? e.specialistId : r.specialistId,
                    e != null && e.name != null ? e.name : r.specialistName,
                    e == null ? null : e.country, e == null ? null : e.specialty));
            List<ReportVersion> versions = ReportVersion.ofReport(r.id);
            Optional<ReportVersion> submitted = ReportVersion.latestSubmission(r.id);
            if (submitted.isEmpty()) {
                continue; // a released report always has one; nothing to show otherwise
            }
            ReportContent content = CanonicalJson.read(submitted.get().content, ReportContent.class);
            List<CaseBundle.Answer> answers = content.answers() == null ? List.of() : content.answers().stream()
                    .map(a -> new CaseBundle.Answer(a.questionCode(),
                            questionWords.getOrDefault(a.questionCode(), texts.standardQuestion(a.questionCode())), a.text()))
                    .toList();
            List<CaseBundle.Addendum> addenda = versions.stream().filter(x -> x.kind == VersionKind.ADDENDUM)
                    .map(x -> {
                        Report.Addendum a = CanonicalJson.read(x.content, Report.Addendum.class);
                        return new CaseBundle.Addendum(a.question(), a.answer(), x.createdAt, x.number);
                    }).toList();
            ReportVersion last = versions.isEmpty() ? submitted.get() : versions.get(versions.size() - 1);
            byte[] pdf = ReportOutputs.section(r, file, false)
                    .map(section -> ReportPdf.render(ReportPdf.Kind.FULL, language, List.of(section)))
                    .orElse(new byte[0]);
            reports.add(new CaseBundle.ReleasedReport(r.id, r.specialistSubject, last.number, last.sha256,
                    r.releasedAt, content, answers, addenda, pdf));
        }
        List<CaseBundle.Step> steps = CaseStep.ofCase(caseId).stream()
                .map(s -> new CaseBundle.Step(s.step, s.at)).toList();
        List<CaseBundle.RecordEntry> records = CaseRecord.current(caseId).stream()
                .map(d -> new CaseBundle.RecordEntry(d.documentId, d.kind, d.contentType, d.sizeBytes, d.sha256,
                        d.uploadedAt, d.imaging(), d.studies.stream().map(st -> new CaseBundle.Study(st.studyInstanceUid(),
                        st.modalities() == null ? List.of() : st.modalities(), st.studyDate(), st.series(), st.instances())).toList()))
                .toList();
        List<CaseBundle.ConsentEntry> consents = ConsentRecord.ofCase(caseId).stream()
                .map(c -> new CaseBundle.ConsentEntry(c.consentId, c.purpose, c.countries, c.grantedAt, c.revokedAt))
                .toList();
        return new CaseBundle.Source(caseId, ReportWorkflow.tenantOf(file), request, steps, experts, reports, records,
                consents, workflow.now());
    }
}
