package io.consilium.cases.consumers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The other services' events case-service reacts to, with only the fields it reads (the publishers' records
 * are theirs; the JSON field names are the contract of {@code docs/events.md}).
 */
final class IncomingTypes {

    static final String PANEL_ASSEMBLED = "consilium.specialist.panel-assembled.v1";
    static final String NO_CANDIDATE = "consilium.specialist.no-candidate.v1";
    static final String REPORT_APPROVED = "consilium.report.approved.v1";
    static final String REPORT_RELEASED = "consilium.report.released.v1";
    static final String REPORT_REOPENED = "consilium.report.reopened.v1";

    record ReportApproved(@NotNull UUID reportId) {
    }

    record ReportReopened(@NotNull UUID reportId) {
    }

    record ReportReleased(@NotNull List<@NotNull @Valid ReleasedReport> reports, Instant releasedAt) {
    }

    record ReleasedReport(@NotNull UUID reportId, String diagnosisAssessment, String surgeryNecessary,
                          Boolean treatmentChanged) {
    }

    private IncomingTypes() {
    }
}
