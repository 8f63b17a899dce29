package io.consilium.report.service;

import io.consilium.platform.problem.ProblemException;
import io.consilium.report.domain.AnswerCoverage;
import io.consilium.report.domain.CanonicalJson;
import io.consilium.report.domain.CaseFile;
import io.consilium.report.domain.ReleaseRule;
import io.consilium.report.domain.Report;
import io.consilium.report.domain.ReportContent;
import io.consilium.report.domain.ReportVersion;
import io.consilium.report.events.ReportEvents;
import io.consilium.report.security.ReportAccess;
import io.consilium.report.security.ReportAccess.Relation;
import io.consilium.report.service.ReportWorkflow.Visible;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One transactional method per step of a report's life. */
@ApplicationScoped
public class ReportSteps {

    private static final EnumSet<Relation> WRITER = EnumSet.of(Relation.WRITER);
    private static final EnumSet<Relation> MANAGER = EnumSet.of(Relation.MANAGER);

    private final ReportWorkflow workflow;

    ReportSteps(ReportWorkflow workflow) {
        this.workflow = workflow;
    }

    @Transactional
    public Visible read(UUID reportId, String breakGlassReason) {
        Visible v = workflow.visible(reportId, breakGlassReason, false);
        workflow.audited(v, "READ");
        return v;
    }

    /** A version as one reader sees it: a partner's copy leaves out the patient's free text ({@code PartnerCopy}). */
    public record SeenVersion(ReportVersion version, boolean forPartner) {
    }

    @Transactional
    public List<SeenVersion> versions(UUID reportId, String breakGlassReason) {
        Visible v = workflow.visible(reportId, breakGlassReason, false);
        workflow.audited(v, "READ_VERSIONS");
        List<ReportVersion> all = ReportVersion.ofReport(reportId);
        boolean partner = v.relation() == Relation.PARTNER;
        if (v.relation().seesReviewHistory()) {
            return all.stream().map(x -> new SeenVersion(x, partner)).toList();
        }
        int firstReleased = firstReleased(reportId);
        return all.stream().filter(x -> x.number >= firstReleased).map(x -> new SeenVersion(x, partner)).toList();
    }

    /** The last submission's number: it and the addenda after it are what the patient and the partner may read. */
    private static int firstReleased(UUID reportId) {
        return ReportVersion.latestSubmission(reportId).map(x -> x.number).orElse(Integer.MAX_VALUE);
    }

    @Transactional
    public SeenVersion version(UUID reportId, int number, String breakGlassReason) {
        Visible v = workflow.visible(reportId, breakGlassReason, false);
        ReportVersion version = ReportVersion.find(reportId, number)
                .filter(found -> v.relation().seesReviewHistory() || found.number >= firstReleased(reportId))
                .orElseThrow(() -> new ProblemException.NotFound("Report version"));
        workflow.audited(v, "READ_VERSION");
        return new SeenVersion(version, v.relation() == Relation.PARTNER);
    }

    @Transactional
    public Visible saveDraft(UUID reportId, String ifMatch, ReportContent content) {
        Visible v = workflow.forStep(reportId, ifMatch, WRITER, "EDIT");
        v.report().saveDraft(content, workflow.now());
        workflow.audited(v, "UPDATE");
        flushed(v.report());
        return v;
    }

    @Transactional
    public Visible submit(UUID reportId, String ifMatch) {
        Visible v = workflow.forStep(reportId, ifMatch, WRITER, "SUBMIT");
        ReportVersion version = v.report().submit(v.file(), workflow.now());
        version.createdByName = v.report().authorNameNow(workflow.caller().displayName().orElse(null));
        version.persist();
        workflow.audited(v, "SUBMIT");
        Report r = v.report();
        workflow.publish(v.file(), r.caseId, ReportEvents.SUBMITTED, new ReportEvents.Submitted(r.caseId,
                ReportWorkflow.tenantOf(v.file()), r.id, version.number, r.specialistSubject, version.createdByName,
                version.sha256, version.createdAt, r.dueBy, version.number == 1 && r.lateAt(version.createdAt)));
        flushed(r);
        return v;
    }

    @Transactional
    public Visible requestChanges(UUID reportId, String ifMatch, String comment) {
        Visible v = workflow.forStep(reportId, ifMatch, MANAGER, "REQUEST_CHANGES");
        Report r = v.report();
        String name = workflow.caller().displayName().orElse(null);
        r.requestChanges(comment, workflow.caller().subject(), name, workflow.now());
        workflow.audited(v, "REQUEST_CHANGES");
        workflow.publish(v.file(), r.caseId, ReportEvents.CHANGES_REQUESTED, new ReportEvents.ChangesRequested(
                r.caseId, ReportWorkflow.tenantOf(v.file()), r.id, r.latestVersion, workflow.caller().subject(),
                name, workflow.now()));
        flushed(r);
        return v;
    }

    @Transactional
    public Visible approve(UUID reportId, String ifMatch) {
        Visible v = workflow.forStep(reportId, ifMatch, MANAGER, "APPROVE");
        Report r = v.report();
        String name = workflow.caller().displayName().orElse(null);
        r.approve(workflow.caller().subject(), name, workflow.now());
        // after the state check: a report reopened for a new question is refused for its state already
        AnswerCoverage.requireAnswered(Map.of(r.id, latestSubmitted(r)), questionsOf(v.file()));
        workflow.audited(v, "APPROVE");
        workflow.publish(v.file(), r.caseId, ReportEvents.APPROVED, new ReportEvents.Approved(r.caseId,
                ReportWorkflow.tenantOf(v.file()), r.id, r.latestVersion, workflow.caller().subject(), name,
                workflow.now()));
        flushed(r);
        return v;
    }

    /**
     * Releases every report of the case at once, when all are approved (and, when the panel size is known, the
     * whole panel has reported). Only the case's manager; others who take part in the case get 403.
     */
    @Transactional
    public List<Report> release(UUID caseId) {
        CaseFile file = CaseFile.findById(caseId, LockModeType.PESSIMISTIC_WRITE);
        var caller = workflow.caller();
        boolean manager = file != null && caller.is(io.consilium.platform.security.Roles.CASE_MANAGER)
                && caller.subject().equals(file.managerId);
        if (!manager) {
            if (ReportAccess.partOfCase(caller, file)) {
                workflow.deniedOnCase(caseId, file, "RELEASE", "not the case's personal doctor");
                throw new ProblemException.Forbidden("Only the case's personal doctor releases its reports");
            }
            workflow.deniedOnCase(caseId, file, "RELEASE", "not visible to caller");
            throw new ProblemException.NotFound("Case");
        }
        ReportWorkflow.refuseIfCancelled(file);
        List<Report> reports = Report.list("caseId = ?1 order by createdAt, id", caseId);
        // first the questions: a report reopened for a new question names it, rather than "not approved"
        Map<UUID, ReportContent> submitted = new LinkedHashMap<>();
        reports.stream().filter(r -> r.latestVersion > 0).forEach(r -> submitted.put(r.id, latestSubmitted(r)));
        AnswerCoverage.requireAnswered(submitted, file.questionIds());
        ReleaseRule.requireReleasable(reports, file.panelSize);
        Instant now = workflow.now(); // one instant: every report and the event say the same release time
        List<ReportEvents.ReleasedReport> released = new ArrayList<>();
        for (Report r : reports) {
            r.release(caller.subject(), caller.displayName().orElse(null), now);
            workflow.audited(new Visible(r, file, Relation.MANAGER, Relation.MANAGER.purpose), "RELEASE");
            ReportContent c = submitted.get(r.id);
            released.add(new ReportEvents.ReleasedReport(r.id, r.latestVersion, r.specialistSubject,
                    c.diagnosisAssessment() == null ? null : c.diagnosisAssessment().name(),
                    c.surgeryNecessary() == null ? null : c.surgeryNecessary().name(),
                    Boolean.TRUE.equals(c.treatmentChanged())));
        }
        workflow.publish(file, caseId, ReportEvents.RELEASED, new ReportEvents.Released(caseId, file.tenant, released,
                caller.subject(), caller.displayName().orElse(null), now));
        Report.flush();
        return reports;
    }

    /** The reports of a case the caller may see; 404 when they may see none and take no part in the case. */
    @Transactional
    public List<Visible> ofCase(UUID caseId, String breakGlassReason) {
        CaseFile file = CaseFile.findById(caseId);
        List<Visible> visible = new ArrayList<>();
        for (Report r : Report.ofCase(caseId)) {
            String purpose = breakGlassReason == null ? null
                    : io.consilium.platform.security.BreakGlass.purpose(breakGlassReason);
            workflow.relationTo(r, file, purpose != null).ifPresent(rel -> {
                Visible v = new Visible(r, file, rel, rel == Relation.BREAK_GLASS ? purpose : rel.purpose);
                workflow.audited(v, "READ");
                visible.add(v);
            });
        }
        if (visible.isEmpty() && !ReportAccess.partOfCase(workflow.caller(), file)) {
            workflow.deniedOnCase(caseId, file, "READ", "not visible to caller");
            throw new ProblemException.NotFound("Case");
        }
        return visible;
    }

    /** What the report's readers see: its latest submitted version (the working copy before any). */
    static ReportContent latestSubmitted(Report r) {
        return ReportVersion.latestSubmission(r.id)
                .map(v -> CanonicalJson.read(v.content, ReportContent.class)).orElse(r.content());
    }

    private static List<String> questionsOf(CaseFile file) {
        return file == null ? List.of() : file.questionIds();
    }

    private static Report flushed(Report r) {
        Report.flush();
        return r;
    }
}
