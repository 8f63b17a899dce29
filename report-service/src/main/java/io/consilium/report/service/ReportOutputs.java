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
import io.consilium.report.output.FhirExport;
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
                    v.report().specialistSubject, CanonicalJson.read(s.content, ReportContent.class))));
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
                        List.of(), Map.of());
            }
            List<Report.Addendum> addenda = ReportVersion.ofReport(r.id).stream()
                    .filter(v -> v.kind == VersionKind.ADDENDUM)
                    .map(v -> CanonicalJson.read(v.content, Report.Addendum.class)).toList();
            Map<String, ReportPdf.OwnQuestion> own = new HashMap<>();
            if (file != null) {
                file.briefQuestions.stream().filter(q -> !PartnerCopy.standardQuestion(q.questionId()))
                        .forEach(q -> own.put(q.questionId(), new ReportPdf.OwnQuestion(q.text(), q.translation())));
            }
            return new ReportPdf.Section(r.specialistSubject, s.number, s.sha256, content, addenda, own);
        });
    }
}
