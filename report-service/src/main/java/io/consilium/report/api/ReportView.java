package io.consilium.report.api;

import io.consilium.platform.security.Roles;
import io.consilium.report.domain.BriefQuestion;
import io.consilium.report.domain.CanonicalJson;
import io.consilium.report.domain.CaseFile;
import io.consilium.report.domain.PartnerCopy;
import io.consilium.report.domain.Report;
import io.consilium.report.domain.ReportContent;
import io.consilium.report.domain.ReportVersion;
import io.consilium.report.security.ReportAccess.Relation;
import io.consilium.report.service.ReportSteps;
import io.consilium.report.service.ReportWorkflow.Visible;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A report as its reader sees it: the writer sees the working copy, everyone else the latest submitted version
 * (never an unsubmitted draft). {@code questions} lists every question the report answers (the brief's, with the
 * patient's own words and their translation) for the writer, the reviewing doctor and the patient.
 */
public record ReportView(UUID id, UUID caseId, String specialistSubject, String state, int latestVersion,
                         ReportContent content, String reviewComment, Instant createdAt, Instant updatedAt,
                         Instant releasedAt, Person author, Person reviewedBy, Person releasedBy,
                         List<BriefQuestion> questions, Deadline deadline) {

    /**
     * The writer's and the reviewing doctor's view of the report's deadline: when the first submission is due, when
     * it was flagged overdue (not submitted by then), and whether the first submission came after it.
     */
    public record Deadline(Instant dueBy, Instant overdueAt, boolean submittedLate) {
    }

    /**
     * Who acted on a report: subject, role and the name kept at the time (the subject when none was kept).
     */
    @Schema(description = "Who acted, by name and role as they were at the time of the action")
    public record Person(@Schema(examples = "sp-ito") String subject,
                         @Schema(examples = "Dr. Kenji Ito") String name,
                         @Schema(examples = "specialist") String role) {
        static Person of(String subject, String name, String role) {
            return subject == null ? null : new Person(subject, name == null ? subject : name, role);
        }
    }

    static ReportView of(Visible v) {
        Report r = v.report();
        ReportContent content = v.relation() == Relation.WRITER ? r.content()
                : ReportVersion.latestSubmission(r.id).map(s -> CanonicalJson.read(s.content, ReportContent.class))
                .orElse(null);
        if (v.relation() == Relation.PARTNER) {
            content = PartnerCopy.of(content);
        }
        boolean reviewParty = v.relation() == Relation.WRITER || v.relation() == Relation.MANAGER;
        // every question the report answers, the patient's own words included: never for a partner, which never
        // reads free-text questions (nor for ops, whose break-glass is about the report)
        boolean asksOrAnswers = reviewParty || v.relation() == Relation.PATIENT;
        List<BriefQuestion> questions = !asksOrAnswers || v.file() == null ? null : questionsOf(v.file());
        return new ReportView(r.id, r.caseId, r.specialistSubject, r.state.name(), r.latestVersion, content,
                reviewParty ? r.reviewComment : null, r.createdAt, r.updatedAt, r.releasedAt,
                Person.of(r.specialistSubject, r.specialistName, Roles.SPECIALIST),
                Person.of(r.reviewedBy, r.reviewedByName, Roles.CASE_MANAGER),
                Person.of(r.releasedBy, r.releasedByName, Roles.CASE_MANAGER), questions,
                reviewParty && r.dueBy != null ? deadlineOf(r) : null);
    }

    private static Deadline deadlineOf(Report r) {
        boolean late = ReportVersion.find(r.id, 1).map(first -> r.lateAt(first.createdAt)).orElse(false);
        return new Deadline(r.dueBy, r.overdueAt, late);
    }

    /** The brief's questions, or (before a brief arrived) the submission's standard codes. */
    private static List<BriefQuestion> questionsOf(CaseFile file) {
        if (file.briefChangedAt != null) {
            return file.briefQuestions;
        }
        return file.questions.stream().map(code -> new BriefQuestion(code, "STANDARD", null, null, null, null)).toList();
    }

    /** An immutable version with its hash. */
    public record VersionView(int number, String kind, String sha256, Instant createdAt, Person createdBy,
                              Object content) {
        static VersionView of(ReportVersion v) {
            return of(v, false);
        }

        static VersionView of(ReportSteps.SeenVersion seen) {
            return of(seen.version(), seen.forPartner());
        }

        /** A partner's copy leaves out the patient's own and follow-up questions and the answers to them. */
        static VersionView of(ReportVersion v, boolean forPartner) {
            Object content = switch (v.kind) {
                case SUBMISSION -> {
                    ReportContent c = CanonicalJson.read(v.content, ReportContent.class);
                    yield forPartner ? PartnerCopy.of(c) : c;
                }
                case ADDENDUM -> {
                    Report.Addendum a = CanonicalJson.read(v.content, Report.Addendum.class);
                    yield forPartner ? PartnerCopy.of(a) : a;
                }
            };
            return new VersionView(v.number, v.kind.name(), v.sha256, v.createdAt,
                    Person.of(v.createdBy, v.createdByName, Roles.SPECIALIST), content);
        }
    }
}
