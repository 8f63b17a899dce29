package io.consilium.document.support;

import io.consilium.document.domain.CaseFile;
import io.consilium.document.domain.CaseSpecialist;
import io.consilium.document.domain.Consent;
import io.consilium.platform.testing.Broker;
import io.consilium.platform.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * A case as the other services describe it on the topics: the test publishes case-service's and
 * specialist-service's events (contract of {@code docs/events.md}) and waits until document-service applied them.
 */
public final class CaseFacts {

    public static final String CASE_TOPIC = "consilium.case.events";
    public static final String SPECIALIST_TOPIC = "consilium.specialist.events";

    public final String caseId = UUID.randomUUID().toString();
    public final String tenant = "t-" + UUID.randomUUID();
    public final String patient = "p-" + UUID.randomUUID();
    public final String manager = "m-" + UUID.randomUUID();
    private final KafkaCompanion kafka;

    public CaseFacts(KafkaCompanion kafka) {
        this.kafka = kafka;
    }

    public String patientToken() {
        return Tokens.patient(patient, tenant);
    }

    public String managerToken() {
        return Tokens.caseManager(manager, tenant);
    }

    /** Submitted with the given specialty and assigned to {@link #manager}; returns when both are applied. */
    public CaseFacts submittedAndAssigned(String specialty) {
        publishCase("consilium.case.submitted.v1", """
                {"caseId":"%s","tenant":"%s","memberId":"M-1","patientId":"%s","requestedSpecialty":"%s",
                 "diagnosisIcd10":"C61","urgency":"ROUTINE","preferredLanguage":"es","countryOfResidence":"ES",
                 "reasons":["CONFIRM_DIAGNOSIS"],"questions":["DIAGNOSIS_CORRECT"],"submittedAt":"%s","future":{"x":1}}
                """.formatted(caseId, tenant, patient, specialty, Instant.now()));
        publishCase("consilium.case.manager-assigned.v1", """
                {"caseId":"%s","tenant":"%s","managerId":"%s","previousManagerId":null,"assignedAt":"%s"}
                """.formatted(caseId, tenant, manager, Instant.now()));
        awaitFile(f -> manager.equals(f.managerId) && patient.equals(f.patientId));
        return this;
    }

    public void recordsRequested(String itemsJson) {
        publishCase("consilium.case.records-requested.v1", """
                {"caseId":"%s","tenant":"%s","items":%s,"requestedBy":"%s","requestedAt":"%s"}
                """.formatted(caseId, tenant, itemsJson, manager, Instant.now()));
    }

    /** A RECORDS_TO_SPECIALISTS consent naming {@code specialists} (none: any who accepted). */
    public String consentToSpecialists(String... specialists) {
        String consentId = UUID.randomUUID().toString();
        String subjects = List.of(specialists).stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(","));
        publishCase("consilium.case.consent-granted.v1", """
                {"caseId":"%s","tenant":"%s","consentId":"%s","purpose":"RECORDS_TO_SPECIALISTS",
                 "specialistSubjects":[%s],"countries":[],"grantedAt":"%s"}
                """.formatted(caseId, tenant, consentId, subjects, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Consent.findById(UUID.fromString(consentId)) != null));
        return consentId;
    }

    public void consentRevoked(String consentId) {
        publishCase("consilium.case.consent-revoked.v1", """
                {"caseId":"%s","tenant":"%s","consentId":"%s","purpose":"RECORDS_TO_SPECIALISTS","revokedAt":"%s"}
                """.formatted(caseId, tenant, consentId, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            Consent consent = Consent.findById(UUID.fromString(consentId));
            return consent != null && consent.revokedAt != null;
        }));
    }

    public void specialistAccepted(String subject) {
        publishSpecialist("consilium.specialist.accepted.v1", """
                {"caseId":"%s","tenant":"%s","invitationId":"%s","specialistId":"%s","specialistSubject":"%s",
                 "country":"DE","acceptedAt":"%s"}
                """.formatted(caseId, tenant, UUID.randomUUID(), UUID.randomUUID(), subject, Instant.now()));
        awaitSpecialist(subject, CaseSpecialist.Answer.ACCEPTED);
    }

    public void specialistDeclined(String subject) {
        publishSpecialist("consilium.specialist.declined.v1", """
                {"caseId":"%s","tenant":"%s","invitationId":"%s","specialistId":"%s","specialistSubject":"%s",
                 "reason":"no capacity","declinedAt":"%s"}
                """.formatted(caseId, tenant, UUID.randomUUID(), UUID.randomUUID(), subject, Instant.now()));
        awaitSpecialist(subject, CaseSpecialist.Answer.DECLINED);
    }

    public UUID publishCase(String type, String json) {
        return Broker.publish(kafka, CASE_TOPIC, type, caseId, tenant, json);
    }

    private void publishSpecialist(String type, String json) {
        Broker.publish(kafka, SPECIALIST_TOPIC, type, caseId, tenant, json);
    }

    public void awaitFile(Predicate<CaseFile> condition) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            CaseFile file = CaseFile.findById(UUID.fromString(caseId));
            return file != null && condition.test(file);
        }));
    }

    private void awaitSpecialist(String subject, CaseSpecialist.Answer answer) {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                CaseSpecialist.ofCase(UUID.fromString(caseId)).stream()
                        .anyMatch(s -> subject.equals(s.specialistSubject) && Objects.equals(answer, s.state))));
    }
}
