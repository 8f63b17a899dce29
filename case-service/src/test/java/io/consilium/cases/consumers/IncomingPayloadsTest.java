package io.consilium.cases.consumers;

import io.consilium.platform.testing.PayloadContracts;
import org.junit.jupiter.api.Test;

/** Each event case-service reads, as its publisher writes it, and refused without each field case-service needs. */
class IncomingPayloadsTest {

    private static final String CASE = "\"caseId\":\"7d9f4c2e-1b3a-4e5f-8a6b-9c0d1e2f3a4b\"";

    @Test
    void reportApproved() {
        PayloadContracts.assertRequired(IncomingTypes.ReportApproved.class, """
                {%s,"reportId":"0b6a2c1e-3d4f-4a5b-9c6d-7e8f9a0b1c2d","version":1,"approvedAt":"2026-12-01T10:00:00Z"}"""
                .formatted(CASE), "reportId");
    }

    @Test
    void reportReopened() {
        // as report-service's ReportEvents.Reopened writes it
        PayloadContracts.assertRequired(IncomingTypes.ReportReopened.class, """
                {%s,"reportId":"0b6a2c1e-3d4f-4a5b-9c6d-7e8f9a0b1c2d","version":1,"specialistSubject":"sp-1",
                 "reason":"QUESTIONS_CHANGED","questions":["WAIT_AND_SEE"],"at":"2026-12-01T10:00:00Z"}"""
                .formatted(CASE), "reportId");
    }

    @Test
    void reportReleased() {
        PayloadContracts.assertRequired(IncomingTypes.ReportReleased.class, """
                {%s,"releasedAt":"2026-12-01T10:00:00Z","reports":[{"reportId":"0b6a2c1e-3d4f-4a5b-9c6d-7e8f9a0b1c2d",
                 "diagnosisAssessment":"REFINED","surgeryNecessary":"NO","treatmentChanged":true}]}"""
                .formatted(CASE), "reports", "reports.reportId");
    }

    @Test
    void providerChanged() {
        PayloadContracts.assertRequired(NetworkProviders.ProviderChanged.class, """
                {"providerId":"0b6a2c1e-3d4f-4a5b-9c6d-7e8f9a0b1c2d","tenant":"acme","kind":"HOSPITAL",
                 "specialty":"urology","country":"ES","treatments":["RADICAL_PROSTATECTOMY"],"networks":["premium"],
                 "changedAt":"2026-12-01T10:00:00Z"}""",
                "providerId", "tenant", "changedAt");
    }

    @Test
    void checklistChanged() {
        // as document-service's events/ChecklistChanged writes it
        PayloadContracts.assertRequired(RecordsChecklists.ChecklistChanged.class, """
                {%s,"tenant":"acme","revision":3,"complete":false,
                 "openItems":[{"itemId":"0b6a2c1e-3d4f-4a5b-9c6d-7e8f9a0b1c2d","code":"IMAGING","state":"RECEIVED"}],
                 "waivedItems":["LAB_RESULTS"],"changedAt":"2026-12-01T10:00:00Z"}"""
                .formatted(CASE), "revision", "complete", "openItems", "openItems.code", "openItems.state", "changedAt");
    }
}
