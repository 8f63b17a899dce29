package io.consilium.report.service;

import io.consilium.platform.audit.AuditTrail;
import io.consilium.platform.audit.AuditedAccess;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.Roles;
import io.consilium.report.domain.CanonicalJson;
import io.consilium.report.domain.CaseConsent;
import io.consilium.report.domain.CaseFile;
import io.consilium.report.domain.PartnerCopy;
import io.consilium.report.domain.Consolidation;
import io.consilium.report.domain.Report;
import io.consilium.report.domain.ReportContent;
import io.consilium.report.domain.ReportState;
import io.consilium.report.domain.ReportVersion;
import io.consilium.report.domain.ShareLink;
import io.consilium.report.domain.VersionKind;
import io.consilium.report.domain.CodeCatalogue;
import io.consilium.report.output.FhirExport;
import io.consilium.report.output.PatientSummary;
import io.consilium.report.output.ReportPdf;
import io.consilium.report.security.ReportAccess;
import io.consilium.report.service.ReportWorkflow.Visible;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What is made of submitted reports: the panel's consolidated view, the PDFs, the treating doctor's share links. */
@ApplicationScoped
public class ReportOutputs {

    private final ReportSteps steps;
    private final ReportWorkflow workflow;
    private final AuditTrail audit;

    ReportOutputs(ReportSteps steps, ReportWorkflow workflow, AuditTrail audit) {
        this.steps = steps;
        this.workflow = workflow;
        this.audit = audit;
    }

    /** Across the submitted reports the caller may see (the case manager: all; the patient: after release). */
    @Transactional
    public Consolidation.View consolidation(UUID caseId) {
        List<Consolidation.Opinion> opinions = new ArrayList<>();
        for (Visible v : steps.ofCase(caseId, null)) {
            latest(v.report()).ifPresent(s -> opinions.add(new Consolidation.Opinion(v.report().id,
                    v.report().specialistSubject, v.report().specialistName,
                    CanonicalJson.read(s.content, ReportContent.class))));
        }
        return Consolidation.of(opinions);
    }

    /** A report's PDF for someone who may read it; only submitted content is printed. */
    @Transactional
    public byte[] pdf(UUID reportId, ReportPdf.Kind kind, String breakGlassReason) {
        Visible v = workflow.visible(reportId, breakGlassReason, false);
        ReportPdf.Section section = section(v.report(), v.file(), v.relation() == ReportAccess.Relation.PARTNER)
                .orElseThrow(() -> new ProblemException.Conflict("The report has no submitted version yet"));
        workflow.audited(v, "DOWNLOAD_PDF");
        return ReportPdf.render(kind, v.file() == null ? "en" : v.file().language(), List.of(section));
    }

    /** The report's latest submitted version as a FHIR R4 Bundle (JSON). */
    @Transactional
    public String fhir(UUID reportId, String breakGlassReason) {
        Visible v = workflow.visible(reportId, breakGlassReason, false);
        ReportVersion latest = latest(v.report())
                .orElseThrow(() -> new ProblemException.Conflict("The report has no submitted version yet"));
        workflow.audited(v, "EXPORT_FHIR");
        Report r = v.report();
        return FhirExport.json(new FhirExport.Source(r.caseId, v.file() == null ? null : v.file().patientId, r.id,
                latest.number, latest.sha256, r.specialistSubject, r.releasedAt,
                CanonicalJson.read(latest.content, ReportContent.class)));
    }

    @Transactional
    public ShareLink.Issued share(UUID caseId, Duration validFor) {
        CaseFile file = patientsCase(caseId, "SHARE");
        if (Report.count("caseId = ?1 and state = ?2", caseId, ReportState.RELEASED) == 0) {
            throw new ProblemException.Conflict("The case has no released report to share");
        }
        if (!CaseConsent.active(caseId, CaseConsent.REPORT_TO_TREATING_DOCTOR)) {
            throw new ProblemException.Unprocessable("Sharing needs the patient's REPORT_TO_TREATING_DOCTOR consent");
        }
        ShareLink.Issued issued = ShareLink.issue(caseId, workflow.caller().subject(), validFor, workflow.now());
        issued.link().persist();
        audit.allowed(workflow.caller(), new AuditedAccess("share-link", issued.link().id.toString(), caseId.toString(),
                file.tenant, "CREATE", "care"));
        return issued;
    }

    @Transactional
    public ShareLink revoke(UUID caseId, UUID linkId) {
        CaseFile file = patientsCase(caseId, "REVOKE_SHARE_LINK");
        ShareLink link = ShareLink.findById(linkId);
        if (link == null || !link.caseId.equals(caseId)) {
            throw new ProblemException.NotFound("Share link");
        }
        link.revoke(workflow.now());
        audit.allowed(workflow.caller(), new AuditedAccess("share-link", link.id.toString(), caseId.toString(),
                file.tenant, "REVOKE", "care"));
        return link;
    }

    @Transactional
    public List<ShareLink> links(UUID caseId) {
        CaseFile file = patientsCase(caseId, "LIST_SHARE_LINKS");
        audit.allowed(workflow.caller(), new AuditedAccess("case", caseId.toString(), caseId.toString(), file.tenant,
                "LIST_SHARE_LINKS", "care"));
        return ShareLink.list("caseId = ?1 order by createdAt", caseId);
    }

    /**
     * The full expert report of every released report of the case, for whoever holds a usable link. Unknown,
     * expired and revoked links, and links whose consent was revoked, answer 404 alike; every use is audited.
     */
    @Transactional
    public byte[] sharedPdf(String token) {
        ShareLink link = token == null || token.length() > 100 ? null : ShareLink.byToken(token);
        if (link == null) {
            throw new ProblemException.NotFound("Share link");
        }
        CaseFile file = CaseFile.findById(link.caseId);
        Caller holder = new Caller("share-link:" + link.id, Set.of(), Optional.empty());
        AuditedAccess access = new AuditedAccess("report", link.caseId.toString(), link.caseId.toString(),
                ReportWorkflow.tenantOf(file), "READ_SHARED", "treating doctor by share link " + link.id);
        if (!link.usableAt(workflow.now()) || !CaseConsent.active(link.caseId, CaseConsent.REPORT_TO_TREATING_DOCTOR)) {
            audit.denied(holder, access);
            throw new ProblemException.NotFound("Share link");
        }
        List<ReportPdf.Section> sections = new ArrayList<>();
        for (Report r : Report.<Report>list("caseId = ?1 and state = ?2 order by createdAt, id", link.caseId, ReportState.RELEASED)) {
            section(r, file, false).ifPresent(sections::add); // the treating doctor's full report
        }
        audit.allowed(holder, access);
        return ReportPdf.render(ReportPdf.Kind.FULL, file == null ? "en" : file.language(), sections);
    }

    /** Share links are the patient's alone: anyone else gets 404, and the refusal is on record. */
    private CaseFile patientsCase(UUID caseId, String action) {
        CaseFile file = CaseFile.findById(caseId);
        Caller caller = workflow.caller();
        if (!caller.is(Roles.PATIENT) || !ReportAccess.isPatientOf(caller, file)) {
            workflow.deniedOnCase(caseId, file, action, "not the case's patient");
            throw new ProblemException.NotFound("Case");
        }
        return file;
    }

    private static Optional<ReportVersion> latest(Report r) {
        return ReportVersion.latestSubmission(r.id);
    }

    /**
     * One report's part of a PDF. For a partner ({@code forPartner}) it carries no free text of the patient's:
     * no own questions, no answers to them, no follow-up questions or their answers ({@link PartnerCopy}).
     */
    static Optional<ReportPdf.Section> section(Report r, CaseFile file, boolean forPartner) {
        return latest(r).map(s -> {
            ReportContent content = CanonicalJson.read(s.content, ReportContent.class);
            if (forPartner) {
                return new ReportPdf.Section(r.specialistSubject, s.number, s.sha256, PartnerCopy.of(content),
                        List.of(), Map.of(), expert(r), r.releasedAt);
            }
            Map<String, ReportPdf.OwnQuestion> own = new HashMap<>();
            if (file != null) {
                file.briefQuestions.stream().filter(q -> !PartnerCopy.standardQuestion(q.questionId()))
                        .forEach(q -> own.put(q.questionId(), new ReportPdf.OwnQuestion(q.text(), q.translation())));
            }
            return new ReportPdf.Section(r.specialistSubject, s.number, s.sha256, content, addenda(r), own, expert(r),
                    r.releasedAt);
        });
    }

    /** The report's addenda in order, each with the date it was answered. */
    static List<PatientSummary.DatedAddendum> addenda(Report r) {
        return ReportVersion.ofReport(r.id).stream().filter(v -> v.kind == VersionKind.ADDENDUM).map(v -> {
            Report.Addendum a = CanonicalJson.read(v.content, Report.Addendum.class);
            return new PatientSummary.DatedAddendum(a.question(), a.answer(), v.createdAt);
        }).toList();
    }

    static PatientSummary.Expert expert(Report r) {
        // a subject is no name: the summary then says "Specialist 2" rather than print an id
        String name = r.specialistName == null || r.specialistName.equals(r.specialistSubject) ? null : r.specialistName;
        return new PatientSummary.Expert(name, r.specialistSpecialty, r.specialistInstitution, r.specialistCountry);
    }

    /**
     * The patient's summary of the case: from the released reports the caller may read (the patient, the case's
     * personal doctor, a partner with REPORT_TO_PARTNER consent, ops by break-glass), never from one still in
     * review. A partner's summary is made from its copies ({@link PartnerCopy}): no own questions, no answers to
     * them, no follow-up questions. 409 while nothing is released to a party of the case; 404 to anyone else.
     */
    @Transactional
    public PatientSummary.View summary(UUID caseId, String breakGlassReason, String action) {
        List<Visible> visible = steps.ofCase(caseId, breakGlassReason).stream()
                .filter(v -> v.report().state == ReportState.RELEASED).toList();
        CaseFile file = CaseFile.findById(caseId);
        List<PatientSummary.Part> parts = new ArrayList<>();
        boolean partner = false;
        String releasedBy = null;
        for (Visible v : visible) {
            boolean forPartner = v.relation() == ReportAccess.Relation.PARTNER;
            partner |= forPartner;
            Optional<ReportPdf.Section> section = section(v.report(), file, forPartner);
            if (section.isEmpty()) {
                continue;
            }
            ReportPdf.Section s = section.get();
            parts.add(new PatientSummary.Part(v.report().id, s.expert(), s.content(), s.addenda(), v.report().releasedAt));
            releasedBy = v.report().releasedByName != null ? v.report().releasedByName : releasedBy;
            workflow.audited(v, action);
        }
        if (parts.isEmpty()) {
            throw new ProblemException.Conflict("The case has no released report yet");
        }
        List<PatientSummary.Question> questions = new ArrayList<>();
        if (file != null) {
            if (file.briefChangedAt != null) {
                for (var q : file.briefQuestions) {
                    boolean standard = PartnerCopy.standardQuestion(q.questionId());
                    if (standard || !partner) {
                        questions.add(new PatientSummary.Question(q.questionId(), standard, standard ? null : q.text()));
                    }
                }
            } else {
                file.questions.forEach(code -> questions.add(new PatientSummary.Question(code, true, null)));
            }
        }
        // what the patient came with is intake content, which a partner does not read today
        PatientSummary.CameWith cameWith = file == null || partner ? null
                : new PatientSummary.CameWith(file.briefDiagnosis, file.briefDiagnosisIcd10, file.briefProposedTreatment);
        return PatientSummary.of(new PatientSummary.Input(caseId, file == null ? "en" : file.language(), questions,
                parts, releasedBy, cameWith), CodeCatalogue.standard());
    }
}
