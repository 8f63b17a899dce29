package io.consilium.specialist.consumers;

import io.consilium.platform.testing.PayloadContracts;
import org.junit.jupiter.api.Test;

/** Each event specialist-service reads, as its publisher writes it, and refused without each field it needs. */
class IncomingPayloadsTest {

    private static final String CASE = "\"caseId\":\"7d9f4c2e-1b3a-4e5f-8a6b-9c0d1e2f3a4b\",\"tenant\":\"acme\"";

    @Test
    void reviewRequested() {
        PayloadContracts.assertRequired(ReviewRequested.class, """
                {%s,"requestedSpecialty":"urology","subspecialty":null,"diagnosisIcd10":"C61","preferredLanguage":"es",
                 "countryOfResidence":"ES","treatingInstitution":"Hospital Central","panelSize":2,
                 "allowedCountries":["DE"],"dueBy":"2026-12-15T10:00:00Z","requestedAt":"2026-12-01T10:00:00Z"}"""
                .formatted(CASE), "requestedSpecialty", "preferredLanguage", "countryOfResidence", "panelSize");
    }

    @Test
    void consentGranted() {
        PayloadContracts.assertRequired(ConsentGranted.class, """
                {%s,"consentId":"0b6a2c1e-3d4f-4a5b-9c6d-7e8f9a0b1c2d","purpose":"RECORDS_TO_SPECIALISTS",
                 "specialistSubjects":[],"countries":["DE"],"grantedAt":"2026-12-01T10:00:00Z"}"""
                .formatted(CASE), "consentId", "purpose");
    }

    @Test
    void consentRevoked() {
        PayloadContracts.assertRequired(ConsentRevoked.class, """
                {%s,"consentId":"0b6a2c1e-3d4f-4a5b-9c6d-7e8f9a0b1c2d","purpose":"RECORDS_TO_SPECIALISTS",
                 "revokedAt":"2026-12-01T10:00:00Z"}""".formatted(CASE), "consentId");
    }

    @Test
    void reportSubmitted() {
        PayloadContracts.assertRequired(ReportSubmitted.class, """
                {%s,"reportId":"0b6a2c1e-3d4f-4a5b-9c6d-7e8f9a0b1c2d","version":1,"specialistSubject":"prof-eva",
                 "submittedAt":"2026-12-01T10:00:00Z"}""".formatted(CASE), "specialistSubject", "submittedAt");
    }
}
