package io.consilium.report.consumers;

import io.consilium.platform.testing.PayloadContracts;
import org.junit.jupiter.api.Test;

/** Each event report-service reads, as its publisher writes it, and refused without each field it needs. */
class IncomingPayloadsTest {

    private static final String CASE = "\"caseId\":\"7d9f4c2e-1b3a-4e5f-8a6b-9c0d1e2f3a4b\",\"tenant\":\"acme\"";
    private static final String CONSENT = "\"consentId\":\"0b6a2c1e-3d4f-4a5b-9c6d-7e8f9a0b1c2d\"";

    @Test
    void specialistAccepted() {
        PayloadContracts.assertRequired(CaseAndPanelRecorder.SpecialistAccepted.class, """
                {%s,"invitationId":"5e2b7c1a-0d3f-4b6e-9a8c-1f2e3d4c5b6a","specialistId":"6f3c8d2b-1e4a-4c7f-8b9d-2a3b4c5d6e7f","specialistSubject":"prof-eva","specialistName":"Prof. Eva Lind","country":"SE","acceptedAt":"2026-12-01T10:00:00Z"}"""
                .formatted(CASE), "specialistId", "specialistSubject");
    }

    @Test
    void caseSubmitted() {
        PayloadContracts.assertRequired(CaseAndPanelRecorder.CaseSubmitted.class, """
                {%s,"memberId":"M-1","patientId":null,"requestedSpecialty":"urology","preferredLanguage":"es",
                 "countryOfResidence":"ES","questions":["DIAGNOSIS_CORRECT"],"submittedAt":"2026-12-01T10:00:00Z"}"""
                .formatted(CASE), "preferredLanguage");
    }

    @Test
    void patientLinked() {
        PayloadContracts.assertRequired(CaseAndPanelRecorder.PatientLinked.class, """
                {%s,"memberId":"M-1","patientId":"p-1","linkedAt":"2026-12-01T10:00:00Z"}""".formatted(CASE),
                "tenant", "patientId");
    }

    @Test
    void managerAssigned() {
        PayloadContracts.assertRequired(CaseAndPanelRecorder.ManagerAssigned.class, """
                {%s,"managerId":"dr-carla","assignedAt":"2026-12-01T10:00:00Z"}""".formatted(CASE), "managerId");
    }

    @Test
    void reviewRequested() {
        PayloadContracts.assertRequired(CaseAndPanelRecorder.ReviewRequested.class, """
                {%s,"requestedSpecialty":"urology","panelSize":2}""".formatted(CASE), "panelSize");
    }

    @Test
    void consentGrantedAndRevoked() {
        PayloadContracts.assertRequired(CaseAndPanelRecorder.ConsentChanged.class, """
                {%s,%s,"purpose":"REPORT_TO_PARTNER","grantedAt":"2026-12-01T10:00:00Z"}""".formatted(CASE, CONSENT),
                "consentId", "purpose");
        PayloadContracts.assertRequired(CaseAndPanelRecorder.ConsentChanged.class, """
                {%s,%s,"purpose":"REPORT_TO_PARTNER","revokedAt":"2026-12-01T10:00:00Z"}""".formatted(CASE, CONSENT),
                "consentId", "purpose");
    }

    @Test
    void briefChanged() {
        PayloadContracts.assertRequired(CaseAndPanelRecorder.BriefChanged.class, """
                {%s,"requestedSpecialty":"dermatology","urgency":"ROUTINE","patientLanguage":"es","reasons":["CONFIRM_DIAGNOSIS"],
                 "questions":[{"questionId":"DIAGNOSIS_CORRECT","kind":"STANDARD","text":null,"language":null,
                               "translation":null,"translationLanguage":null},
                              {"questionId":"5e0c1a7f-2b94-4d63-8f1e-a3c7b9d2e604","kind":"OWN","text":"¿Es el gel?",
                               "language":"es","translation":"Is it the gel?","translationLanguage":"en"}],
                 "diagnosisText":"Food allergy","diagnosisIcd10":"L50.0","proposedTreatment":null,"history":null,
                 "treatingInstitution":null,"ageBand":null,"sex":null,"changedAt":"2026-12-01T10:00:00Z"}"""
                .formatted(CASE), "questions", "changedAt");
    }

    @Test
    void caseBundleInputs() {
        PayloadContracts.assertRequired(CaseBundleInputs.Invited.class, """
                {%s,"invitationId":"5e2b7c1a-0d3f-4b6e-9a8c-1f2e3d4c5b6a","specialistId":"6f3c8d2b-1e4a-4c7f-8b9d-2a3b4c5d6e7f","specialistSubject":"prof-eva","deadline":"2026-12-02T10:00:00Z","seat":1,"specialty":"urology","reportWithinHours":120}"""
                .formatted(CASE), "specialistSubject");
        PayloadContracts.assertRequired(CaseBundleInputs.Accepted.class, """
                {%s,"invitationId":"5e2b7c1a-0d3f-4b6e-9a8c-1f2e3d4c5b6a","specialistId":"6f3c8d2b-1e4a-4c7f-8b9d-2a3b4c5d6e7f","specialistSubject":"prof-eva","specialistName":"Prof. Eva Lind","country":"SE","acceptedAt":"2026-12-01T10:00:00Z","seat":1}"""
                .formatted(CASE), "specialistSubject");
        PayloadContracts.assertRequired(CaseBundleInputs.Uploaded.class, """
                {%s,"documentId":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f","checklistItemId":null,"kind":"MRI","contentType":"application/dicom","sizeBytes":3000000000,"sha256":"ab","uploadedByRole":"patient","uploadedAt":"2026-12-01T10:00:00Z",
                 "studies":[{"studyInstanceUid":"1.2.3","modalities":["CT"],"studyDate":"2026-03-14","series":1,"instances":1}]}"""
                .formatted(CASE), "documentId");
        PayloadContracts.assertRequired(CaseBundleInputs.Rejected.class, """
                {%s,"documentId":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f","reason":"REVIEW","rejectedAt":"2026-12-01T10:00:00Z"}"""
                .formatted(CASE), "documentId");
        PayloadContracts.assertRequired(CaseBundleInputs.Consent.class, """
                {%s,%s,"purpose":"RECORDS_TO_SPECIALISTS","specialistSubjects":[],"countries":["DE"],"grantedAt":"2026-12-01T10:00:00Z"}"""
                .formatted(CASE, CONSENT), "consentId", "purpose");
    }
}
