package io.consilium.report.service;

import io.consilium.platform.audit.AuditTrail;
import io.consilium.platform.audit.AuditedAccess;
import io.consilium.platform.http.EntityTags;
import io.consilium.platform.outbox.Outbox;
import io.consilium.platform.outbox.OutgoingEvent;
import io.consilium.platform.problem.ProblemException;
import io.consilium.platform.security.BreakGlass;
import io.consilium.platform.security.Caller;
import io.consilium.platform.security.CurrentCaller;
import io.consilium.report.domain.CaseConsent;
import io.consilium.report.domain.CaseFile;
import io.consilium.report.domain.Report;
import io.consilium.report.events.ReportEvents;
import io.consilium.report.security.ReportAccess.Relation;
import io.consilium.report.security.ReportAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

/**
 * The order every report step follows: visible to the caller (else 404, the refusal audited), one of the parts
 * allowed to take the step (else 403), {@code If-Match} (else 412), then the state (else 409, from the entity).
 */
@ApplicationScoped
public class ReportWorkflow {

    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Clock clock;

    ReportWorkflow(CurrentCaller caller, AuditTrail audit, Outbox outbox, Clock clock) {
        this.caller = caller;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A report the caller may see, with the capacity they see it in. */
    public record Visible(Report report, CaseFile file, Relation relation, String purpose) {
    }

    public Instant now() {
        return clock.instant();
    }

    public Caller caller() {
        return caller.get();
    }

    /** Loads the report for a step the given relations may take; locks it for writing. */
    public Visible forStep(UUID reportId, String ifMatch, EnumSet<Relation> parts, String action) {
        Visible v = visible(reportId, null, true);
        if (!parts.contains(v.relation())) {
            audit.denied(caller(), access(v.report(), v.file(), action, "not allowed for " + v.relation()));
            throw new ProblemException.Forbidden("Only " + parts + " may " + action.toLowerCase().replace('_', ' ')
                    + " this report");
        }
        EntityTags.checkIfMatch(ifMatch, v.report().version);
        refuseIfCancelled(v.file());
        return v;
    }

    /** A cancelled case's reports stay readable and take no more changes. */
    public static void refuseIfCancelled(CaseFile file) {
        if (file != null && file.cancelled()) {
            throw new ProblemException.Conflict("The case was cancelled; its reports take no more changes");
        }
    }

    /** The report if the caller may see it; 404 alike for unknown and invisible reports. */
    public Visible visible(UUID reportId, String breakGlassReason, boolean lock) {
        String breakGlassPurpose = breakGlassReason == null ? null : BreakGlass.purpose(breakGlassReason);
        Report report = lock ? Report.findById(reportId, LockModeType.PESSIMISTIC_WRITE) : Report.findById(reportId);
        if (report == null) {
            throw new ProblemException.NotFound("Report");
        }
        CaseFile file = CaseFile.findById(report.caseId);
        Optional<Relation> relation = relationTo(report, file, breakGlassPurpose != null);
        if (relation.isEmpty()) {
            audit.denied(caller(), access(report, file, "READ", "not visible to caller"));
            throw new ProblemException.NotFound("Report");
        }
        String purpose = relation.get() == Relation.BREAK_GLASS ? breakGlassPurpose : relation.get().purpose;
        return new Visible(report, file, relation.get(), purpose);
    }

    public Optional<Relation> relationTo(Report report, CaseFile file, boolean breakGlass) {
        boolean partnerConsent = CaseConsent.active(report.caseId, CaseConsent.REPORT_TO_PARTNER);
        return ReportAccess.relation(caller(), report.specialistSubject, report.state, file, partnerConsent,
                breakGlass);
    }

    public void audited(Visible v, String action) {
        audit.allowed(caller(), access(v.report(), v.file(), action, v.purpose()));
    }

    /** A refused step on a whole case (its report list, its release), recorded in a transaction of its own. */
    public void deniedOnCase(UUID caseId, CaseFile file, String action, String reason) {
        audit.denied(caller(), new AuditedAccess("case", caseId.toString(), caseId.toString(), tenantOf(file),
                action, reason));
    }

    public void publish(CaseFile file, UUID caseId, String type, Object payload) {
        outbox.append(new OutgoingEvent(ReportEvents.TOPIC, type, caseId.toString(), tenantOf(file), payload));
    }

    public static String tenantOf(CaseFile file) {
        return file == null ? null : file.tenant;
    }

    private static AuditedAccess access(Report report, CaseFile file, String action, String purpose) {
        return new AuditedAccess("report", report.id.toString(), report.caseId.toString(), tenantOf(file), action,
                purpose);
    }
}
