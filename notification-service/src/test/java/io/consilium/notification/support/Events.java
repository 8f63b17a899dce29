package io.consilium.notification.support;

import io.consilium.platform.testing.Broker;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.util.UUID;

/** Other services' events as their publishers write them (docs/events.md), published on the tests' broker. */
public final class Events {

    public static final String CASE_TOPIC = "consilium.case.events";
    public static final String SPECIALIST_TOPIC = "consilium.specialist.events";
    public static final String REPORT_TOPIC = "consilium.report.events";

    private Events() {
    }

    public static UUID submitted(KafkaCompanion kafka, String caseId, String tenant, String patientId) {
        return Broker.publish(kafka, CASE_TOPIC, "consilium.case.submitted.v1", caseId, tenant, """
                {"caseId":"%s","tenant":"%s","memberId":"M-77","patientId":%s,"requestedSpecialty":"urology",
                 "diagnosisIcd10":"C61","urgency":"ROUTINE","preferredLanguage":"es","countryOfResidence":"ES",
                 "reasons":["CONFIRM_DIAGNOSIS"],"questions":["DIAGNOSIS_CORRECT"],"submittedAt":"2026-12-01T10:00:00Z"}"""
                .formatted(caseId, tenant, patientId == null ? "null" : "\"" + patientId + "\""));
    }

    public static UUID released(KafkaCompanion kafka, UUID eventId, String caseId, String tenant) {
        return Broker.publish(kafka, REPORT_TOPIC, eventId, "consilium.report.released.v1", caseId, tenant, """
                {"caseId":"%s","tenant":"%s","reports":[{"reportId":"%s","version":1,"specialistSubject":"prof-eva",
                 "diagnosisAssessment":"CHANGED","surgeryNecessary":"NO","treatmentChanged":true}],
                 "releasedAt":"2026-12-01T10:00:00Z"}""".formatted(caseId, tenant, UUID.randomUUID()));
    }

    public static UUID publish(KafkaCompanion kafka, String topic, String type, String caseId, String tenant, String fields) {
        return Broker.publish(kafka, topic, type, caseId, tenant,
                "{\"caseId\":\"%s\",\"tenant\":\"%s\"%s}".formatted(caseId, tenant, fields.isEmpty() ? "" : "," + fields));
    }
}
