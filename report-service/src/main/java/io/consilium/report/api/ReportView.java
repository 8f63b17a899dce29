package io.consilium.report.api;

import io.consilium.report.domain.CanonicalJson;
import io.consilium.report.domain.Report;
import io.consilium.report.domain.ReportContent;
import io.consilium.report.domain.ReportVersion;
import io.consilium.report.security.ReportAccess.Relation;
import io.consilium.report.service.ReportWorkflow.Visible;

import java.time.Instant;
import java.util.UUID;

/**
 * A report as its reader sees it: the writer sees the working copy, everyone else the latest submitted version
 * (never an unsubmitted draft).
 */
public record ReportView(UUID id, UUID caseId, String specialistSubject, String state, int latestVersion,
                         ReportContent content, String reviewComment, Instant createdAt, Instant updatedAt,
                         Instant releasedAt) {

    static ReportView of(Visible v) {
        Report r = v.report();
        ReportContent content = v.relation() == Relation.WRITER ? r.content()
                : ReportVersion.latestSubmission(r.id).map(s -> CanonicalJson.read(s.content, ReportContent.class))
                .orElse(null);
        boolean reviewParty = v.relation() == Relation.WRITER || v.relation() == Relation.MANAGER;
        return new ReportView(r.id, r.caseId, r.specialistSubject, r.state.name(), r.latestVersion, content,
                reviewParty ? r.reviewComment : null, r.createdAt, r.updatedAt, r.releasedAt);
    }

    /** An immutable version with its hash. */
    public record VersionView(int number, String kind, String sha256, Instant createdAt, Object content) {
        static VersionView of(ReportVersion v) {
            Object content = switch (v.kind) {
                case SUBMISSION -> CanonicalJson.read(v.content, ReportContent.class);
                case ADDENDUM -> CanonicalJson.read(v.content, Report.Addendum.class);
            };
            return new VersionView(v.number, v.kind.name(), v.sha256, v.createdAt, content);
        }
    }
}
