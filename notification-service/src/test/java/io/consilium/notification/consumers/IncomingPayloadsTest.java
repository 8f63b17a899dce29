package io.consilium.notification.consumers;

import io.consilium.platform.testing.PayloadContracts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each event notification-service reads, as its publisher writes it, and refused without each field it needs. */
class IncomingPayloadsTest {

    private static final String CASE = "\"caseId\":\"7d9f4c2e-1b3a-4e5f-8a6b-9c0d1e2f3a4b\",\"tenant\":\"acme\"";
    private static final String INVITATION = "\"invitationId\":\"0b6a2c1e-3d4f-4a5b-9c6d-7e8f9a0b1c2d\"";

    @Test
    void caseSubmittedMayComeWithoutItsPatient() {
        assertThat(PayloadContracts.read("""
                {%s,"memberId":"M-1","patientId":null,"requestedSpecialty":"urology","diagnosisIcd10":"C61",
                 "urgency":"ROUTINE","preferredLanguage":"es","countryOfResidence":"ES","reasons":[],"questions":[],
                 "submittedAt":"2026-12-01T10:00:00Z"}""".formatted(CASE), CaseSubmitted.class).patientId()).isNull();
        assertThat(PayloadContracts.read("{%s,\"patientId\":\"p-1\"}".formatted(CASE), CaseSubmitted.class).patientId())
                .isEqualTo("p-1");
    }

    @Test
    void patientLinked() {
        PayloadContracts.assertRequired(PatientLinked.class, """
                {%s,"memberId":"M-1","patientId":"p-1","linkedAt":"2026-12-01T10:00:00Z"}""".formatted(CASE), "patientId");
    }

    @Test
    void managerAssigned() {
        PayloadContracts.assertRequired(ManagerAssigned.class, """
                {%s,"managerId":"dr-ana","previousManagerId":null,"assignedAt":"2026-12-01T10:00:00Z"}""".formatted(CASE),
                "managerId");
    }

    @Test
    void specialistInvited() {
        PayloadContracts.assertRequired(SpecialistInvited.class, """
                {%s,%s,"specialistId":"5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","specialistSubject":"prof-eva",
                 "deadline":"2026-12-03T10:00:00Z"}""".formatted(CASE, INVITATION), "invitationId", "specialistSubject");
    }

    @Test
    void invitationReminderDue() {
        // the fields specialist-service's InvitationReminderDue writes
        PayloadContracts.assertRequired(InvitationReminderDue.class, """
                {%s,%s,"specialistId":"5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","specialistSubject":"prof-eva",
                 "seat":2,"acceptBy":"2026-12-03T10:00:00Z","remindedAt":"2026-12-02T22:00:00Z"}"""
                .formatted(CASE, INVITATION), "invitationId");
    }

    @Test
    void slaStatusChanged() {
        PayloadContracts.assertRequired(SlaStatusChanged.class, """
                {%s,"kind":"REVIEW","status":"BREACHED","dueAt":"2026-12-10T10:00:00Z","evaluatedAt":"2026-12-10T10:01:00Z"}"""
                .formatted(CASE), "kind", "status");
    }

    @Test
    void followUpDue() {
        // the fields case-service's FollowUpDue writes
        PayloadContracts.assertRequired(FollowUpDue.class, """
                {%s,"followUpId":"5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","dueAt":"2027-01-01T10:00:00Z",
                 "announcedAt":"2027-01-01T10:05:00Z"}""".formatted(CASE), "followUpId", "dueAt");
    }
}
