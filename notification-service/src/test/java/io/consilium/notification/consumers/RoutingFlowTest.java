package io.consilium.notification.consumers;

import io.consilium.notification.support.Backlog;
import io.consilium.notification.support.Db;
import io.consilium.notification.support.Events;
import io.consilium.platform.testing.Broker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The routing table applied to real events: recipients come from this service's projections of other services'
 * events (patient, personal doctor, invited specialist), one delivery row per (event, recipient, channel).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class RoutingFlowTest {

    @BeforeEach
    void afterTheBacklog() {
        Backlog.worked();
    }

    @Inject
    Db db;

    private List<String> deliveries(UUID eventId) {
        return deliveries(eventId, "notification-inputs");
    }

    private List<String> deliveries(UUID eventId, String consumer) {
        await().atMost(Duration.ofSeconds(20)).until(() -> db.count(
                "select count(*) from inbox_event where consumer = ?2 and event_id = ?1", eventId, consumer) == 1);
        return db.rows("select recipient_kind || ':' || recipient || ':' || channel || ':' || urgent, id"
                        + " from delivery where event_id = ?1", eventId).stream().map(r -> String.valueOf(r[0])).toList();
    }

    @Test
    void recipientsComeFromTheProjections() {
        String tenant = "t-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = Broker.companion()) {
            Events.submitted(kafka, caseId, tenant, "patient-7");
            Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.manager-assigned.v1", caseId, tenant,
                    "\"managerId\":\"dr-ana\",\"previousManagerId\":null,\"assignedAt\":\"2026-12-01T10:00:00Z\"");
            UUID requested = Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.records-requested.v1", caseId, tenant,
                    "\"items\":[{\"code\":\"LAB\",\"label\":\"PSA values\",\"required\":true}],\"requestedBy\":\"dr-ana\"");
            assertThat(deliveries(requested)).containsExactlyInAnyOrder(
                    "PATIENT:patient-7:EMAIL:false", "PATIENT:patient-7:INBOX:false", "PATIENT:patient-7:PUSH:false");
            // push is sent after the commit like e-mail: this patient registered no device, so it is skipped; an
            // inbox item is delivered as it is written
            await().atMost(Duration.ofSeconds(20)).until(() -> db.count("select count(*) from delivery where event_id = ?1"
                    + " and channel = 'PUSH' and status = 'SKIPPED' and last_error = 'no device registered'", requested) == 1);
            assertThat(db.count("select count(*) from delivery where event_id = ?1 and channel = 'INBOX'"
                    + " and status = 'DELIVERED'", requested)).isEqualTo(1);

            UUID invitation = UUID.randomUUID();
            UUID invited = Events.publish(kafka, Events.SPECIALIST_TOPIC, "consilium.specialist.invited.v1", caseId, tenant,
                    "\"invitationId\":\"%s\",\"specialistId\":\"%s\",\"specialistSubject\":\"prof-eva\",\"deadline\":\"2026-12-03T10:00:00Z\""
                            .formatted(invitation, UUID.randomUUID()));
            assertThat(deliveries(invited)).contains("SPECIALIST:prof-eva:EMAIL:false");
            // the reminder names only the invitation: the specialist is the one seen invited
            UUID reminder = Events.publish(kafka, Events.SPECIALIST_TOPIC, "consilium.specialist.invitation-reminder-due.v1",
                    caseId, tenant, "\"invitationId\":\"%s\"".formatted(invitation));
            // marked urgent in the routing table: it does not wait for quiet hours (the inbox item never waits)
            assertThat(deliveries(reminder)).contains("SPECIALIST:prof-eva:EMAIL:true", "SPECIALIST:prof-eva:PUSH:true",
                    "SPECIALIST:prof-eva:INBOX:false");

            UUID breached = Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.sla-status-changed.v1", caseId, tenant,
                    "\"kind\":\"REVIEW\",\"status\":\"BREACHED\",\"dueAt\":\"2026-12-10T10:00:00Z\"");
            assertThat(deliveries(breached)).containsExactlyInAnyOrder("OPS:ops:INBOX:true", "OPS:ops:EMAIL:true",
                    "MANAGER:dr-ana:EMAIL:true", "MANAGER:dr-ana:INBOX:true");
            UUID atRisk = Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.sla-status-changed.v1", caseId, tenant,
                    "\"kind\":\"RECORDS\",\"status\":\"AT_RISK\"");
            assertThat(deliveries(atRisk)).contains("MANAGER:dr-ana:EMAIL:false");

            UUID submittedReport = Events.publish(kafka, Events.REPORT_TOPIC, "consilium.report.submitted.v1", caseId, tenant,
                    "\"reportId\":\"%s\",\"version\":1,\"specialistSubject\":\"prof-eva\"".formatted(UUID.randomUUID()));
            assertThat(deliveries(submittedReport)).containsExactlyInAnyOrder("MANAGER:dr-ana:EMAIL:false",
                    "MANAGER:dr-ana:INBOX:false");
            // a report sent back for changed questions goes to its own specialist; an overdue one to the doctor too
            UUID reopened = Events.publish(kafka, Events.REPORT_TOPIC, "consilium.report.reopened.v1", caseId, tenant,
                    "\"reportId\":\"%s\",\"version\":1,\"specialistSubject\":\"prof-ito\",\"reason\":\"QUESTIONS_CHANGED\",\"questions\":[\"WHY_DIFFERENT\"]"
                            .formatted(UUID.randomUUID()));
            assertThat(deliveries(reopened)).containsExactlyInAnyOrder("SPECIALIST:prof-ito:EMAIL:false",
                    "SPECIALIST:prof-ito:INBOX:false", "SPECIALIST:prof-ito:PUSH:false");
            UUID overdue = Events.publish(kafka, Events.REPORT_TOPIC, "consilium.report.overdue.v1", caseId, tenant,
                    "\"reportId\":\"%s\",\"specialistSubject\":\"prof-ito\",\"dueBy\":\"2026-12-05T10:00:00Z\""
                            .formatted(UUID.randomUUID()));
            assertThat(deliveries(overdue)).containsExactlyInAnyOrder("SPECIALIST:prof-ito:EMAIL:false",
                    "SPECIALIST:prof-ito:INBOX:false", "SPECIALIST:prof-ito:PUSH:false", "MANAGER:dr-ana:EMAIL:false",
                    "MANAGER:dr-ana:INBOX:false");
        }
        assertThat(db.rows("select state, tenant from case_file where case_id = ?1", UUID.fromString(caseId)).get(0)[0])
                .isEqualTo("COLLECTING_RECORDS");
    }

    @Test
    void aPartnersCaseNotifiesItsPatientOnceLinked() {
        String tenant = "t-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = Broker.companion()) {
            Events.submitted(kafka, caseId, tenant, null);
            UUID before = Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.records-requested.v1", caseId, tenant, "");
            assertThat(deliveries(before)).isEmpty();
            Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.patient-linked.v1", caseId, tenant,
                    "\"memberId\":\"M-1\",\"patientId\":\"patient-9\"");
            UUID rejected = Events.publish(kafka, "consilium.document.events", "consilium.document.rejected.v1", caseId, tenant,
                    "\"documentId\":\"%s\",\"reason\":\"TOO_LARGE\"".formatted(UUID.randomUUID()));
            assertThat(deliveries(rejected)).contains("PATIENT:patient-9:EMAIL:false");
        }
    }

    @Test
    void anEventNamingAnotherTenantForAKnownCaseReachesNobodyAndIsFiled() {
        String tenant = "t-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = Broker.companion()) {
            Events.submitted(kafka, caseId, tenant, "patient-1");
            UUID foreign = Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.records-requested.v1", caseId,
                    "t-other", "");
            await().atMost(Duration.ofSeconds(20)).until(() -> db.count(
                    "select count(*) from dead_letter where event_id = ?1 and consumer = 'notification-inputs'", foreign) == 1);
            assertThat(db.count("select count(*) from delivery where event_id = ?1", foreign)).isZero();
        }
    }

    @Test
    void aDueFollowUpReachesThePatientAndThePersonalDoctorOnly() {
        String tenant = "t-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = Broker.companion()) {
            Events.submitted(kafka, caseId, tenant, "patient-3");
            Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.manager-assigned.v1", caseId, tenant,
                    "\"managerId\":\"dr-luz\"");
            Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.follow-up-scheduled.v1", caseId, tenant,
                    "\"followUpId\":\"%s\",\"dueAt\":\"2027-01-01T10:00:00Z\"".formatted(UUID.randomUUID()));
            UUID due = Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.follow-up-due.v1", caseId, tenant,
                    "\"followUpId\":\"%s\",\"dueAt\":\"2027-01-01T10:00:00Z\",\"announcedAt\":\"2027-01-01T10:05:00Z\""
                            .formatted(UUID.randomUUID()));
            assertThat(deliveries(due)).containsExactlyInAnyOrder("PATIENT:patient-3:EMAIL:false",
                    "PATIENT:patient-3:INBOX:false", "PATIENT:patient-3:PUSH:false", "MANAGER:dr-luz:EMAIL:false",
                    "MANAGER:dr-luz:INBOX:false");
            // without the follow-up's id the event breaks case-service's contract: filed, and nobody is told
            UUID broken = Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.follow-up-due.v1", caseId, tenant,
                    "\"dueAt\":\"2027-01-01T10:00:00Z\"");
            await().atMost(Duration.ofSeconds(20)).until(() -> db.count(
                    "select count(*) from dead_letter where event_id = ?1 and consumer = 'notification-inputs'", broken) == 1);
            assertThat(db.count("select count(*) from delivery where event_id = ?1", broken)).isZero();
        }
        assertThat(db.rows("select state, tenant from case_file where case_id = ?1", UUID.fromString(caseId)).get(0)[0])
                .isEqualTo("FOLLOW_UP");
    }

    @Test
    void aDeadLetterFiledByAnyServiceReachesOpsAndNobodyElse() {
        UUID letter = UUID.randomUUID();
        try (KafkaCompanion kafka = Broker.companion()) {
            // as case-service's platform writes it: about no case and no tenant, keyed by the dead letter
            UUID notice = Broker.publish(kafka, "consilium.platform.events", "consilium.platform.dead-letter-filed.v1",
                    letter.toString(), null, """
                            {"deadLetterId":"%s","service":"case-service","consumer":"case-timeline",
                             "eventType":"consilium.report.released.v1","eventId":"%s","reason":"FAILED",
                             "errorType":"IllegalStateException","attempts":3,"filedAt":"2026-12-02T04:00:00Z"}"""
                            .formatted(letter, UUID.randomUUID()));
            assertThat(deliveries(notice, "notification-ops-notices")).containsExactlyInAnyOrder("OPS:ops:INBOX:false",
                    "OPS:ops:EMAIL:false");
            assertThat(db.count("select count(*) from delivery where event_id = ?1 and case_id is null and tenant is null"
                    + " and payload = 'case-service / case-timeline'", notice)).isEqualTo(2);
            assertThat(db.count("select count(*) from case_file where case_id = ?1", letter)).isZero();
        }
    }

    @Test
    void aDeadLetterFiledHereIsAnnouncedAndOpsAreTold() {
        String tenant = "t-" + UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        try (KafkaCompanion kafka = Broker.companion()) {
            Events.submitted(kafka, caseId, tenant, "patient-2");
            UUID foreign = Events.publish(kafka, Events.CASE_TOPIC, "consilium.case.records-requested.v1", caseId,
                    "t-other", "");
            await().atMost(Duration.ofSeconds(20)).until(() -> db.count(
                    "select count(*) from dead_letter where event_id = ?1", foreign) == 1);
            // the notice is written with the dead letter, and comes back through the broker to ops
            UUID notice = (UUID) db.rows("select o.event_id, d.id from outbox_event o join dead_letter d on o.subject = d.id::text"
                    + " where d.event_id = ?1 and o.type = 'consilium.platform.dead-letter-filed.v1'", foreign).get(0)[0];
            assertThat(deliveries(notice, "notification-ops-notices")).containsExactlyInAnyOrder("OPS:ops:INBOX:false",
                    "OPS:ops:EMAIL:false");
            assertThat(db.count("select count(*) from delivery where event_id = ?1"
                    + " and payload = 'notification-service / notification-inputs'", notice)).isEqualTo(2);
        }
    }
}
