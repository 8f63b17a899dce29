package io.consilium.report.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The events report-service publishes on {@code consilium.report.events} (docs/events.md, "Contracts agreed"). */
public final class ReportEvents {

    public static final String TOPIC = "consilium.report.events";
    public static final String SUBMITTED = "consilium.report.submitted.v1";
    public static final String CHANGES_REQUESTED = "consilium.report.changes-requested.v1";
    public static final String APPROVED = "consilium.report.approved.v1";
    public static final String RELEASED = "consilium.report.released.v1";
    public static final String ADDENDUM_ADDED = "consilium.report.addendum-added.v1";
    public static final String REOPENED = "consilium.report.reopened.v1";
    public static final String OVERDUE = "consilium.report.overdue.v1";

    private ReportEvents() {
    }

    /** {@code dueBy}: the report's deadline (null without one); {@code late}: submitted after it. */
    public record Submitted(UUID caseId, String tenant, UUID reportId, int version, String specialistSubject,
                            String specialistName, String sha256, Instant submittedAt, Instant dueBy, boolean late) {
    }

    /** A report not submitted by its deadline, published once; the report may still be submitted (late). */
    public record Overdue(UUID caseId, String tenant, UUID reportId, String specialistSubject, Instant dueBy,
                          Instant at) {
    }

    public record ChangesRequested(UUID caseId, String tenant, UUID reportId, int version, String requestedBy,
                                   String requestedByName, Instant at) {
    }

    public record Approved(UUID caseId, String tenant, UUID reportId, int version, String approvedBy,
                           String approvedByName, Instant at) {
    }

    public record Released(UUID caseId, String tenant, List<ReleasedReport> reports, String releasedBy,
                           String releasedByName, Instant releasedAt) {
    }

    public record ReleasedReport(UUID reportId, int version, String specialistSubject, String diagnosisAssessment,
                                 String surgeryNecessary, boolean treatmentChanged) {
    }

    public record AddendumAdded(UUID caseId, String tenant, UUID reportId, int version, String specialistSubject,
                                String specialistName, Instant at) {
    }

    /**
     * A submitted or approved report sent back to its specialist because the case's questions changed after it was
     * submitted; {@code questions} are the ids (standard codes, or ids of the patient's own questions: never their
     * text) it must answer now.
     */
    public record Reopened(UUID caseId, String tenant, UUID reportId, int version, String specialistSubject,
                           String reason, List<String> questions, Instant at) {
        public static final String QUESTIONS_CHANGED = "QUESTIONS_CHANGED";
    }
}
