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

    /** As case-service's {@code BriefChanged} writes it (PatientQuestionsTest reads the same fields there). */
    static final String BRIEF = """
            {%s,"requestedSpecialty":"dermatology","urgency":"ROUTINE","patientLanguage":"es",
             "reasons":["CONFIRM_DIAGNOSIS"],
             "questions":[{"questionId":"DIAGNOSIS_CORRECT","kind":"STANDARD","text":null,"language":null,
                           "translation":null,"translationLanguage":null},
                          {"questionId":"5e0c1a7f-2b94-4d63-8f1e-a3c7b9d2e604","kind":"OWN","text":"¿Es el gel de ducha?",
                           "language":"es","translation":"Is it the shower gel?","translationLanguage":"en"}],
             "diagnosisText":"Food allergy","diagnosisIcd10":"L50.0","proposedTreatment":"Elimination diet",
             "history":"Two years of rashes","treatingInstitution":"Hospital Central","ageBand":"AGE_40_59",
             "sex":"MALE","changedAt":"2026-12-01T10:00:00Z"}""".formatted(CASE);

    @Test
    void briefChanged() {
        PayloadContracts.assertRequired(BriefChanged.class, BRIEF, "requestedSpecialty", "urgency", "reasons",
                "questions", "changedAt");
    }

    @Test
    void checklistChanged() {
        // as document-service's ChecklistChanged writes it
        PayloadContracts.assertRequired(ChecklistChanged.class, """
                {%s,"revision":3,"complete":false,
                 "openItems":[{"itemId":"0b6a2c1e-3d4f-4a5b-9c6d-7e8f9a0b1c2d","code":"LAB_RESULTS","state":"PENDING"}],
                 "waivedItems":["IMAGING"],
                 "items":[{"itemId":"0b6a2c1e-3d4f-4a5b-9c6d-7e8f9a0b1c2d","code":"LAB_RESULTS","kind":"RECORD",
                           "label":"IgE panels","required":true,"sources":["SPECIALTY","REQUEST"],"state":"PENDING",
                           "status":"REQUESTED"}],
                 "changedAt":"2026-12-01T10:00:00Z"}""".formatted(CASE), "revision", "openItems", "changedAt");
    }

    @Test
    void documentUploaded() {
        PayloadContracts.assertRequired(DocumentUploaded.class, """
                {%s,"documentId":"0b6a2c1e-3d4f-4a5b-9c6d-7e8f9a0b1c2d","checklistItemId":null,"kind":"LAB_RESULT",
                 "contentType":"application/pdf","sizeBytes":1024,"sha256":"ab","uploadedByRole":"patient",
                 "uploadedAt":"2026-12-01T10:00:00Z"}""".formatted(CASE), "documentId", "uploadedAt");
    }

    @Test
    void documentRejected() {
        PayloadContracts.assertRequired(DocumentRejected.class, """
                {%s,"documentId":"0b6a2c1e-3d4f-4a5b-9c6d-7e8f9a0b1c2d","reason":"REVIEW",
                 "rejectedAt":"2026-12-01T10:00:00Z"}""".formatted(CASE), "documentId");
    }
}
