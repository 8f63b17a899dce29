package io.consilium.document.consumers;

import io.consilium.platform.testing.PayloadContracts;
import org.junit.jupiter.api.Test;

/** Each event document-service reads, as its publisher writes it, and refused without each field it needs. */
class IncomingPayloadsTest {

    private static final String CASE = "\"caseId\":\"7d9f4c2e-1b3a-4e5f-8a6b-9c0d1e2f3a4b\",\"tenant\":\"acme\"";
    private static final String CONSENT = "\"consentId\":\"0b6a2c1e-3d4f-4a5b-9c6d-7e8f9a0b1c2d\"";

    @Test
    void caseSubmittedAndPatientLinked() {
        PayloadContracts.assertRequired(CaseFileProjector.CaseSubmitted.class, """
                {%s,"memberId":"M-1","patientId":"p-1","requestedSpecialty":"urology","submittedAt":"2026-12-01T10:00:00Z"}"""
                .formatted(CASE), "requestedSpecialty");
        PayloadContracts.assertRequired(CaseFileProjector.PatientLinked.class, """
                {%s,"memberId":"M-1","patientId":"p-1","linkedAt":"2026-12-01T10:00:00Z"}""".formatted(CASE),
                "tenant", "patientId");
    }

    @Test
    void managerAndRecordRequests() {
        PayloadContracts.assertRequired(CaseFileProjector.ManagerAssigned.class, """
                {%s,"managerId":"dr-1","assignedAt":"2026-12-01T10:00:00Z"}""".formatted(CASE), "managerId");
        PayloadContracts.assertRequired(CaseFileProjector.RecordsRequested.class, """
                {%s,"items":[{"code":"MRI","label":"Pelvic MRI","required":true}],"requestedBy":"dr-1"}"""
                .formatted(CASE), "items", "items.code", "items.label");
    }

    @Test
    void consents() {
        PayloadContracts.assertRequired(CaseFileProjector.ConsentGranted.class, """
                {%s,%s,"purpose":"RECORDS_TO_SPECIALISTS","specialistSubjects":[],"countries":[],
                 "grantedAt":"2026-12-01T10:00:00Z"}""".formatted(CASE, CONSENT), "consentId", "purpose");
        PayloadContracts.assertRequired(CaseFileProjector.ConsentRevoked.class, """
                {%s,%s,"purpose":"RECORDS_TO_SPECIALISTS","revokedAt":"2026-12-01T10:00:00Z"}""".formatted(CASE, CONSENT),
                "consentId");
    }

    @Test
    void specialistAnswers() {
        PayloadContracts.assertRequired(CaseFileProjector.SpecialistAnswered.class, """
                {%s,"invitationId":"i-1","specialistId":"s-1","specialistSubject":"prof-eva","country":"DE"}"""
                .formatted(CASE), "specialistSubject");
    }
}
