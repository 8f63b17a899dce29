package io.consilium.document.consumers;

import io.consilium.document.domain.CaseFile;
import io.consilium.document.domain.CaseSpecialist;
import io.consilium.document.domain.Consent;
import io.consilium.document.service.Checklists;
import io.consilium.document.service.Checklists.RequestedItem;
import io.consilium.platform.cloudevents.IncomingEvent;
import io.consilium.platform.cloudevents.InvalidEvent;
import io.consilium.platform.consumer.Delivery;
import io.consilium.platform.consumer.EventPayloads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Applies case and specialist events to the case's file, its consents, its specialists and its checklist,
 * once per event id (platform's inbox, checked by {@code IncomingRecords} in the same transaction). Each type is read into a record of only the fields
 * it needs, whose required ones carry constraints ({@link EventPayloads}): a payload missing one is a broken
 * contract, filed at once as a dead letter. Unknown types are ignored.
 */
@ApplicationScoped
public class CaseFileProjector {

    static final String CONSUMER = "document-case-file";

    public static final String CASE_SUBMITTED = "consilium.case.submitted.v1";
    public static final String PATIENT_LINKED = "consilium.case.patient-linked.v1";
    public static final String MANAGER_ASSIGNED = "consilium.case.manager-assigned.v1";
    public static final String RECORDS_REQUESTED = "consilium.case.records-requested.v1";
    public static final String CONSENT_GRANTED = "consilium.case.consent-granted.v1";
    public static final String CONSENT_REVOKED = "consilium.case.consent-revoked.v1";
    public static final String CASE_CANCELLED = "consilium.case.cancelled.v1";
    public static final String CASE_CLOSED = "consilium.case.closed.v1";
    public static final String SPECIALIST_ACCEPTED = "consilium.specialist.accepted.v1";
    public static final String SPECIALIST_DECLINED = "consilium.specialist.declined.v1";
    public static final String SPECIALIST_EXPIRED = "consilium.specialist.expired.v1";

    /** {@code patientId} is null for a case a partner opened before the member's account was known. */
    record CaseSubmitted(String tenant, String patientId, @NotBlank String requestedSpecialty, Instant submittedAt) {
    }

    record PatientLinked(@NotBlank String tenant, @NotBlank String patientId) {
    }

    record ManagerAssigned(@NotBlank String managerId) {
    }

    record RecordsRequested(@NotNull List<@NotNull @Valid Item> items, String requestedBy) {
        record Item(@NotBlank String code, @NotBlank String label, Boolean required) {
        }
    }

    record ConsentGranted(@NotNull UUID consentId, @NotBlank String purpose, List<String> specialistSubjects,
                          List<String> countries, Instant grantedAt) {
    }

    record ConsentRevoked(@NotNull UUID consentId, String purpose, Instant revokedAt) {
    }

    record SpecialistAnswered(@NotBlank String specialistSubject, String specialistId, String country) {
    }

    /** Anything that is a JSON object: the types whose payload this consumer does not read. */
    record AnyPayload() {
    }

    private final Checklists checklists;

    CaseFileProjector(Checklists checklists) {
        this.checklists = checklists;
    }

    /** Applies one event, in the transaction {@code IncomingRecords} opened for it (retried in a new one). */
    public void apply(Delivery delivery) {
        IncomingEvent event = delivery.event();
        Object payload = delivery.payload(payloadType(event.type()));
        UUID caseId = delivery.caseId();
        // the CloudEvent's tenant is set by the publishing service from the case; the payload is only a fallback
        String tenant = event.tenant();
        switch (event.type()) {
            case CASE_SUBMITTED -> {
                CaseSubmitted s = (CaseSubmitted) payload;
                CaseFile file = CaseFile.getOrCreate(caseId, tenant != null ? tenant : s.tenant());
                // a replayed submission without the patient never undoes a later link
                file.patientId = s.patientId() != null ? s.patientId() : file.patientId;
                file.specialty = s.requestedSpecialty();
                file.submittedAt = s.submittedAt() != null ? s.submittedAt() : event.time();
                checklists.build(file);
            }
            case PATIENT_LINKED -> linked(caseId, tenant, (PatientLinked) payload);
            case MANAGER_ASSIGNED -> CaseFile.getOrCreate(caseId, tenant).managerId = ((ManagerAssigned) payload).managerId();
            case RECORDS_REQUESTED -> checklists.extend(CaseFile.getOrCreate(caseId, tenant),
                    ((RecordsRequested) payload).items().stream()
                            .map(i -> new RequestedItem(i.code(), i.label(), i.required() == null || i.required()))
                            .toList(), ((RecordsRequested) payload).requestedBy());
            case CONSENT_GRANTED -> grant(caseId, tenant, (ConsentGranted) payload, event);
            case CONSENT_REVOKED -> revoke(caseId, tenant, (ConsentRevoked) payload, event);
            case SPECIALIST_ACCEPTED, SPECIALIST_DECLINED, SPECIALIST_EXPIRED ->
                    answer(caseId, tenant, (SpecialistAnswered) payload, answerOf(event.type()), event);
            default -> {
                // cancelled, closed: the end of every specialist's access
                CaseFile file = CaseFile.getOrCreate(caseId, tenant);
                if (file.endedAt == null) {
                    file.endedAt = event.time();
                }
            }
        }
    }

    private static Class<?> payloadType(String type) {
        return switch (type) {
            case CASE_SUBMITTED -> CaseSubmitted.class;
            case PATIENT_LINKED -> PatientLinked.class;
            case MANAGER_ASSIGNED -> ManagerAssigned.class;
            case RECORDS_REQUESTED -> RecordsRequested.class;
            case CONSENT_GRANTED -> ConsentGranted.class;
            case CONSENT_REVOKED -> ConsentRevoked.class;
            case SPECIALIST_ACCEPTED, SPECIALIST_DECLINED, SPECIALIST_EXPIRED -> SpecialistAnswered.class;
            default -> AnyPayload.class;
        };
    }

    private static CaseSpecialist.Answer answerOf(String type) {
        return switch (type) {
            case SPECIALIST_ACCEPTED -> CaseSpecialist.Answer.ACCEPTED;
            case SPECIALIST_DECLINED -> CaseSpecialist.Answer.DECLINED;
            default -> CaseSpecialist.Answer.EXPIRED;
        };
    }

    /** The member's account, once known; set once, and only for the case's own tenant. */
    private static void linked(UUID caseId, String tenant, PatientLinked linked) {
        CaseFile file = CaseFile.getOrCreate(caseId, tenant);
        if (file.tenant != null && !file.tenant.equals(linked.tenant())) {
            throw new InvalidEvent("patient-linked of case " + caseId + " names another tenant than the case's");
        }
        if (file.patientId == null) {
            file.patientId = linked.patientId();
        }
    }

    private static void grant(UUID caseId, String tenant, ConsentGranted g, IncomingEvent event) {
        CaseFile.getOrCreate(caseId, tenant);
        Consent consent = Consent.findById(g.consentId());
        if (consent == null) {
            consent = new Consent();
            consent.consentId = g.consentId();
            consent.caseId = caseId;
        }
        consent.purpose = g.purpose();
        consent.specialistSubjects = g.specialistSubjects() == null ? new ArrayList<>() : new ArrayList<>(g.specialistSubjects());
        consent.countries = g.countries() == null ? new ArrayList<>() : new ArrayList<>(g.countries());
        consent.grantedAt = g.grantedAt() != null ? g.grantedAt() : event.time();
        // a revocation that arrived first (e.g. the grant was replayed from the dead letters) keeps its effect
        consent.persist();
    }

    /**
     * Revokes the consent; one not seen yet is stored revoked, so a grant arriving later (out of order, or
     * replayed by ops) can never reopen access the patient took back.
     */
    private static void revoke(UUID caseId, String tenant, ConsentRevoked r, IncomingEvent event) {
        Consent consent = Consent.findById(r.consentId());
        if (consent == null) {
            CaseFile.getOrCreate(caseId, tenant);
            consent = new Consent();
            consent.consentId = r.consentId();
            consent.caseId = caseId;
            consent.purpose = r.purpose() == null ? Consent.RECORDS_TO_SPECIALISTS : r.purpose();
            consent.persist();
        }
        if (consent.revokedAt == null) {
            consent.revokedAt = r.revokedAt() != null ? r.revokedAt() : event.time();
        }
    }

    private static void answer(UUID caseId, String tenant, SpecialistAnswered a, CaseSpecialist.Answer answer,
                               IncomingEvent event) {
        CaseFile.getOrCreate(caseId, tenant);
        CaseSpecialist specialist = CaseSpecialist.getOrCreate(caseId, a.specialistSubject());
        specialist.specialistId = a.specialistId();
        if (a.country() != null) {
            specialist.country = a.country();
        }
        specialist.state = answer;
        specialist.updatedAt = event.time();
        specialist.persist();
    }
}
